// The REST routes of the audit service: forwarded over NATS to jineng.qry.audit.<Name>. Auditors only;
// the service checks the role again and keeps each auditor to their jurisdiction and the ones below.
import { EXPORT_CONTENT_TYPES } from '@jineng/lists';
import type { Role } from '@jineng/messaging';
import type { RouteDefinition } from '../routing/route-definition';

const AUDITORS: readonly Role[] = ['auditor'];
const tags = ['audit'];

const query = (name: string, timeoutMs?: number) =>
  ({ kind: 'query', service: 'audit', name, ...(timeoutMs ? { timeoutMs } : {}) }) as const;
const command = (name: string, timeoutMs?: number) =>
  ({ kind: 'command', service: 'audit', name, ...(timeoutMs ? { timeoutMs } : {}) }) as const;
const contract = (name: string) => `jineng.audit.v1.${name}`;

export const AUDIT_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/api/v1/audit/entities/:entityId/timeline',
    summary: {
      zh: '某对象（劳动者、培训班、申领、支付、机构、政策版本……或关联编号、操作人）在所有服务中的事件时间线',
      en: 'Every event across all services that names an entity (worker, class, claim, payment, institution, policy version … or a correlation id, an actor), in order',
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ListEntityTimeline'),
    response: contract('TimelinePage'),
    target: query('ListEntityTimeline'),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/entities/:entityId/timeline/export',
    summary: {
      zh: '导出某对象的事件时间线（.xlsx 或 JSON，同时间线的筛选与排序）',
      en: "Export an entity's timeline (.xlsx or JSON, with the timeline's filters and sort)",
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ExportEntityTimeline'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: query('ExportEntityTimeline', 60_000),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/verification',
    summary: {
      zh: '校验审计副本的哈希链（与各服务记录事件时计算的哈希比对）',
      en: "Verify the audit copy's hash chains against the hashes the services computed when they stored the events",
    },
    tags,
    roles: AUDITORS,
    request: contract('VerifyAuditCopy'),
    response: contract('AuditChainReport'),
    target: query('VerifyAuditCopy', 60_000),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/stores/verification',
    summary: {
      zh: '以只读角色读取各服务自己的事件库：重算哈希链，并与审计副本逐条比对',
      en: "Read every service's own event store through its read-only role: recompute its chains and compare the audit copy with it, event by event",
    },
    tags,
    roles: AUDITORS,
    request: contract('VerifyServiceStores'),
    response: contract('ServiceStoresReport'),
    target: query('VerifyServiceStores', 120_000),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/payments/:paymentId/explanation',
    summary: {
      zh: '“这笔钱从何而来”：一笔支付的证据链（承诺、申领及明细、培训班、签到与设备、抽查、考核与证书、就业、分资金来源的账务、政策版本及条款），每环附事件编号与哈希',
      en: 'Explain this yuan: the chain of evidence behind a payment (commitment, claim and its lines, class, check-ins and devices, inspections, results and certificates, employment, ledger movements by fund source, policy version and clause), each link with its event id and hash',
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ExplainPayment'),
    response: contract('Explanation'),
    target: query('ExplainPayment', 30_000),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/claims/:claimId/explanation',
    summary: {
      zh: '申领（或 ?workerId= 某学员的明细行）的证据链',
      en: "The chain of evidence behind a claim, or one trainee's lines of it (?workerId=)",
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ExplainPayment'),
    response: contract('Explanation'),
    target: query('ExplainPayment', 30_000),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/claims/:claimId/as-of',
    summary: {
      zh: '申领在某一时刻（?asOf=）的状态：申领、培训班、证书与支付，由审计副本中截至该时刻的事件重放',
      en: 'A claim as it stood at a moment (?asOf=): the claim, its class, certificates and payments, replayed from the audit copy up to then',
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ReplayClaim'),
    response: contract('ClaimAsOf'),
    target: query('ReplayClaim', 30_000),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/claims/:claimId/recomputation',
    summary: {
      zh: '按申领提交时的政策版本与事实重算补贴，并与记录、核准和实付金额逐分比对',
      en: "Re-run a claim's subsidy computation with the policy versions and facts of its submission, compared to the fen with what was recorded, approved and paid",
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('RecomputeClaim'),
    response: contract('Recomputation'),
    target: query('RecomputeClaim', 30_000),
  },
  {
    method: 'GET',
    path: '/api/v1/public/audit/seals',
    summary: {
      zh: '审计每日封印（默克尔根、链接、Ed25519 签名）及验证公钥，公开、无需登录',
      en: "The audit service's daily seals (Merkle roots, chained, Ed25519-signed) and the keys that verify them (public, no login)",
    },
    tags: ['public'],
    roles: 'public',
    allowAnonymous: {},
    rateLimit: { requests: 30, perSeconds: 60 },
    request: contract('ListSeals'),
    response: contract('SealPage'),
    target: query('ListSeals'),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/seals/verification',
    summary: {
      zh: '以已公布的封印校验审计副本（各服务或指定服务）：链内哈希全部重算也能发现改写',
      en: 'Verify the audit copy (every service, or one) against the published seals: a rewrite with its chain recomputed up to the head is found',
    },
    tags,
    roles: AUDITORS,
    request: contract('VerifySeals'),
    response: contract('SealVerificationReport'),
    target: query('VerifySeals', 120_000),
  },
  {
    method: 'POST',
    path: '/api/v1/audit/fraud-rules/run',
    summary: {
      zh: '立即对审计副本运行全部欺诈规则（定时任务也会运行）：长任务，返回任务编号，进度与结果（新预警数）见任务查询',
      en: 'Run every fraud rule over the audit copy now (the schedule runs them too): a job; its progress and result (the new alerts) from the job route',
    },
    tags,
    roles: AUDITORS,
    request: contract('RunFraudRules'),
    response: 'jineng.common.v1.JobAccepted',
    successStatus: 202,
    target: command('RunFraudRules'),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/jobs/:jobId',
    summary: {
      zh: '查询审计服务的长任务进度与结果（欺诈规则运行）',
      en: 'A long job of the audit service (a fraud rules run), its progress and result',
    },
    tags,
    roles: AUDITORS,
    request: 'jineng.common.v1.GetJob',
    response: 'jineng.common.v1.JobView',
    target: query('GetJob'),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/fraud-alerts',
    summary: { zh: '欺诈预警列表（分页、筛选、排序）', en: 'The fraud alerts (paged, filtered, sorted)' },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ListFraudAlerts'),
    response: contract('FraudAlertPage'),
    target: query('ListFraudAlerts'),
  },
  {
    method: 'GET',
    path: '/api/v1/audit/fraud-alerts/export',
    summary: {
      zh: '导出欺诈预警（.xlsx 或 JSON，同列表的筛选与排序）',
      en: "Export the fraud alerts (.xlsx or JSON, with the list's filters and sort)",
    },
    tags,
    roles: AUDITORS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ExportFraudAlerts'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: query('ExportFraudAlerts', 60_000),
  },
  {
    method: 'POST',
    path: '/api/v1/audit/fraud-alerts/:alertId/investigation',
    summary: {
      zh: '开始核查预警（待处理 → 核查中）',
      en: 'Start investigating an alert (open → investigating)',
    },
    tags,
    roles: AUDITORS,
    request: contract('StartFraudInvestigation'),
    response: contract('FraudAlertChanged'),
    target: command('StartFraudInvestigation'),
  },
  {
    method: 'POST',
    path: '/api/v1/audit/fraud-alerts/:alertId/confirmation',
    summary: {
      zh: '确认预警（核查中 → 已确认），要求追回补贴或暂停机构，须说明理由',
      en: 'Confirm an alert (investigating → confirmed), asking for a clawback or a suspension, with the reason',
    },
    tags,
    roles: AUDITORS,
    request: contract('ConfirmFraudAlert'),
    response: contract('FraudAlertChanged'),
    target: command('ConfirmFraudAlert'),
  },
  {
    method: 'POST',
    path: '/api/v1/audit/fraud-alerts/:alertId/dismissal',
    summary: { zh: '排除预警（须说明理由）', en: 'Dismiss an alert, with the reason' },
    tags,
    roles: AUDITORS,
    request: contract('DismissFraudAlert'),
    response: contract('FraudAlertChanged'),
    target: command('DismissFraudAlert'),
  },
];
