// The REST routes of the subsidy service: forwarded over NATS to jineng.cmd|qry.subsidy.<Name>.
//
// Policy versions are written by an `admin` whose jurisdiction covers the version's (the gateway
// checks the drafted jurisdiction; the service checks it again, and for updates and publishing, where
// only the service knows the version's jurisdiction). Published policy is public information — the
// seed documents are published openly — so every role may read it, within its own jurisdiction: the
// effective policy of its jurisdiction or one below, the versions that apply there. Drafts are shown
// to the admins who may edit them only.
import { EXPORT_CONTENT_TYPES } from '@jineng/lists';
import { ROLES } from '@jineng/messaging';
import type { RouteDefinition } from '../routing/route-definition';

const TAGS = ['subsidy: policy'];
const CLAIM_TAGS = ['subsidy: claims'];
const OFFICERS = ['county_officer', 'city_approver'] as const;
const PARTIES = ['institution', 'enterprise', 'worker'] as const;
const claimCommand = (name: string) => ({ kind: 'command', service: 'subsidy', name }) as const;
const claimQuery = (name: string) => ({ kind: 'query', service: 'subsidy', name }) as const;
const CALENDAR_TAGS = ['subsidy: holiday calendar'];
const EXPORT_FILE = { contentTypes: Object.values(EXPORT_CONTENT_TYPES) };

// Subsidy claims (issue 13). The claimant is the principal's own institution, enterprise or worker
// record; officers act within the claim's jurisdiction (the service checks, it alone knows the claim's);
// a trainee (worker) sees and confirms or objects to the claims that name them. The notice page and
// objections from anyone need no token (`allowAnonymous`).
const CLAIM_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/api/v1/claims',
    summary: {
      zh: '申领补贴（平台核算金额并附明细）',
      en: 'Claim a subsidy (the platform computes the amount, with its breakdown)',
    },
    tags: CLAIM_TAGS,
    roles: PARTIES,
    request: 'jineng.subsidy.v1.SubmitClaim',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    successStatus: 201,
    target: claimCommand('SubmitClaim'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/first-review',
    summary: {
      zh: '初审（通过、退回或驳回，附理由）',
      en: 'First review: approve, return or reject, with a reason',
    },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.ReviewClaim',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    target: claimCommand('FirstReview'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/second-review',
    summary: { zh: '复核（须由另一名经办人员）', en: 'Second review, by another officer' },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.ReviewClaim',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    target: claimCommand('SecondReview'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/notice',
    summary: {
      zh: '公示（按政策规定的工作日数）',
      en: 'Put the claim on public notice for the policy’s working days',
    },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.ClaimAction',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    target: claimCommand('PublishNotice'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/objections',
    summary: { zh: '学员对涉及本人的申领提出异议', en: 'A trainee named in the claim objects to it' },
    tags: CLAIM_TAGS,
    roles: ['worker'],
    request: 'jineng.subsidy.v1.RaiseObjection',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    successStatus: 201,
    target: claimCommand('RaiseObjection'),
  },
  {
    method: 'POST',
    path: '/api/v1/public/jurisdictions/:jurisdiction/claims/:claimId/objections',
    summary: {
      zh: '对公示中的申领提出异议（无需登录，联系方式不公开）',
      en: 'Object to a claim on notice (no login; contact details kept private)',
    },
    tags: CLAIM_TAGS,
    roles: 'public',
    allowAnonymous: { jurisdiction: { in: 'path', name: 'jurisdiction' } },
    request: 'jineng.subsidy.v1.RaiseObjection',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    successStatus: 201,
    target: claimCommand('RaiseObjection'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/objections/:objectionId/resolution',
    summary: {
      zh: '处理异议（驳回或成立，附结论）',
      en: 'Resolve an objection: dismissed or upheld, with the finding',
    },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.ResolveObjection',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    target: claimCommand('ResolveObjection'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/confirmation',
    summary: { zh: '学员确认涉及本人的申领', en: 'A trainee named in the claim confirms it' },
    tags: CLAIM_TAGS,
    roles: ['worker'],
    request: 'jineng.subsidy.v1.ClaimAction',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    target: claimCommand('ConfirmClaim'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/approval',
    summary: {
      zh: '审批拨付（公示期满且无未处理异议）',
      en: 'Approve for payment (after the notice, with no open objection)',
    },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.ClaimAction',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    target: claimCommand('ApproveClaim'),
  },
  {
    method: 'POST',
    path: '/api/v1/claims/:claimId/recoveries',
    summary: {
      zh: '追回已拨付的补贴（经查实的骗取行为）',
      en: 'Recover a paid subsidy (a confirmed fraud finding)',
    },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.RequestRecovery',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    successStatus: 201,
    target: claimCommand('RequestRecovery'),
  },
  {
    method: 'POST',
    path: '/api/v1/subsidy-limit-exceptions',
    summary: {
      zh: '记录超出年度补贴次数的理由（“原则上”）',
      en: 'Record why a worker may exceed the yearly subsidy limit ("in principle")',
    },
    tags: CLAIM_TAGS,
    roles: OFFICERS,
    request: 'jineng.subsidy.v1.RecordLimitException',
    response: 'jineng.subsidy.v1.ClaimAccepted',
    successStatus: 201,
    target: claimCommand('RecordLimitException'),
  },
  {
    method: 'GET',
    path: '/api/v1/claims/export',
    summary: {
      zh: '导出辖区内的申领（机构、企业经办人：本单位的申领；.xlsx 或 JSON，同列表的筛选与排序）',
      en: "Export the claims of a jurisdiction (an institution's or enterprise's clerk: their own; .xlsx or JSON, with the list filters and sort)",
    },
    tags: CLAIM_TAGS,
    roles: [...OFFICERS, 'institution', 'enterprise'],
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.ExportClaims',
    file: EXPORT_FILE,
    target: { ...claimQuery('ExportClaims'), timeoutMs: 60_000 },
  },
  {
    method: 'GET',
    path: '/api/v1/claims/:claimId/voucher',
    summary: {
      zh: '补贴拨付凭证：核准申领的金额依据逐行列明（.xlsx 或 JSON）',
      en: 'The payment voucher of an approved claim: the basis of its amount line by line (.xlsx or JSON)',
    },
    tags: CLAIM_TAGS,
    roles: [...OFFICERS, 'auditor', 'finance_officer', 'institution', 'enterprise', 'worker'],
    request: 'jineng.subsidy.v1.ExportClaimVoucher',
    file: EXPORT_FILE,
    target: claimQuery('ExportClaimVoucher'),
  },
  {
    method: 'GET',
    path: '/api/v1/claims/:claimId',
    summary: {
      zh: '一项申领：核算明细、审核、公示、异议、拨付',
      en: 'One claim: breakdown, reviews, notice, objections, payments',
    },
    tags: CLAIM_TAGS,
    roles: [...OFFICERS, 'auditor', ...PARTIES],
    request: 'jineng.subsidy.v1.GetClaim',
    response: 'jineng.subsidy.v1.ClaimView',
    target: claimQuery('GetClaim'),
  },
  {
    method: 'GET',
    path: '/api/v1/claims',
    summary: {
      zh: '辖区内的申领（状态、班级、逾期；分页；机构、企业经办人：本单位的申领）',
      en: "Claims in a jurisdiction by status, class, overdue (paged; an institution's or enterprise's clerk: their own)",
    },
    tags: CLAIM_TAGS,
    roles: [...OFFICERS, 'institution', 'enterprise'],
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.ListClaims',
    response: 'jineng.subsidy.v1.ClaimList',
    target: claimQuery('ListClaims'),
  },
  {
    method: 'GET',
    path: '/api/v1/policy-versions/:draftVersionId/simulation',
    summary: {
      zh: '政策草案测算：按草案重算期间内已结业班级（只读）',
      en: 'What-if: the completed classes of a period re-computed under a draft (read-only)',
    },
    tags: CLAIM_TAGS,
    roles: ['admin'],
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.SimulatePolicy',
    response: 'jineng.subsidy.v1.PolicySimulation',
    target: claimQuery('SimulatePolicy'),
  },
  {
    method: 'POST',
    path: '/api/v1/policy-versions/:draftVersionId/simulations',
    summary: {
      zh: '启动政策草案测算任务（进度见任务查询，结果可下载 .xlsx 或 JSON）',
      en: 'Start a what-if job under a draft (follow it as a job; download its .xlsx or JSON)',
    },
    tags: CLAIM_TAGS,
    roles: ['admin'],
    jurisdiction: { in: 'body', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.StartPolicySimulation',
    response: 'jineng.common.v1.JobAccepted',
    successStatus: 202,
    target: claimCommand('StartPolicySimulation'),
  },
  {
    method: 'GET',
    path: '/api/v1/subsidy/jobs/:jobId',
    summary: { zh: '查询补贴服务的长任务进度', en: 'A long job of the subsidy service and its progress' },
    tags: CLAIM_TAGS,
    roles: ROLES,
    request: 'jineng.common.v1.GetJob',
    response: 'jineng.common.v1.JobView',
    target: claimQuery('GetJob'),
  },
  {
    method: 'GET',
    path: '/api/v1/subsidy/jobs/:jobId/file',
    summary: { zh: '下载补贴服务任务生成的文件', en: 'Download the file a subsidy job produced' },
    tags: CLAIM_TAGS,
    roles: ROLES,
    request: 'jineng.common.v1.GetJobFile',
    file: EXPORT_FILE,
    target: claimQuery('GetJobFile'),
  },
  {
    method: 'GET',
    path: '/api/v1/my/claims/export',
    summary: {
      zh: '导出涉及本人的申领及本人名下金额（.xlsx 或 JSON）',
      en: 'Export the claims that name me, with the amount in my name (.xlsx or JSON)',
    },
    tags: CLAIM_TAGS,
    roles: ['worker'],
    request: 'jineng.subsidy.v1.ExportMyClaims',
    file: EXPORT_FILE,
    target: claimQuery('ExportMyClaims'),
  },
  {
    method: 'GET',
    path: '/api/v1/workers/:workerId/subsidies',
    summary: {
      zh: '劳动者某年度享受的培训补贴（年度次数上限所计的班级；列出本辖区的申领，其他辖区只计数）及上限例外',
      en: "A worker's subsidies in a year (the classes the yearly limit counts; the claims of the officer's jurisdiction listed, others counted) and the limit exceptions",
    },
    tags: CLAIM_TAGS,
    roles: [...OFFICERS, 'auditor'],
    request: 'jineng.subsidy.v1.ListWorkerSubsidies',
    response: 'jineng.subsidy.v1.WorkerSubsidies',
    target: claimQuery('ListWorkerSubsidies'),
  },
  {
    method: 'GET',
    path: '/api/v1/my/claims',
    summary: { zh: '涉及本人的申领及本人名下金额', en: 'The claims that name me, and the amount in my name' },
    tags: CLAIM_TAGS,
    roles: ['worker'],
    request: 'jineng.subsidy.v1.ListMyClaims',
    response: 'jineng.subsidy.v1.ClaimList',
    target: claimQuery('ListMyClaims'),
  },
  {
    method: 'GET',
    path: '/api/v1/public/jurisdictions/:jurisdiction/claim-notices/export',
    summary: {
      zh: '导出补贴公示（.xlsx 或 JSON；无需登录；不含姓名和身份证号）',
      en: 'Export the subsidy notices (.xlsx or JSON; no login; no names, no ID numbers)',
    },
    tags: CLAIM_TAGS,
    roles: 'public',
    allowAnonymous: { jurisdiction: { in: 'path', name: 'jurisdiction' } },
    rateLimit: { requests: 10, perSeconds: 60 },
    request: 'jineng.subsidy.v1.ExportPublicNotices',
    file: EXPORT_FILE,
    target: claimQuery('ExportPublicNotices'),
  },
  {
    method: 'GET',
    path: '/api/v1/public/jurisdictions/:jurisdiction/claim-notices',
    summary: {
      zh: '补贴公示（无需登录；不含姓名和身份证号）',
      en: 'Subsidy notices (no login; no names, no ID numbers)',
    },
    tags: CLAIM_TAGS,
    roles: 'public',
    allowAnonymous: { jurisdiction: { in: 'path', name: 'jurisdiction' } },
    request: 'jineng.subsidy.v1.ListPublicNotices',
    response: 'jineng.subsidy.v1.PublicNoticeList',
    target: claimQuery('ListPublicNotices'),
  },
];

export const SUBSIDY_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'GET',
    path: '/api/v1/jurisdictions',
    summary: {
      zh: '辖区（省、市、县）及其名称',
      en: 'The jurisdictions (province, city, county) and their names',
    },
    tags: TAGS,
    roles: ROLES,
    request: 'jineng.subsidy.v1.ListJurisdictions',
    response: 'jineng.subsidy.v1.JurisdictionList',
    target: { kind: 'query', service: 'subsidy', name: 'ListJurisdictions' },
  },
  {
    method: 'GET',
    path: '/api/v1/jurisdictions/:jurisdiction/effective-policy',
    summary: {
      zh: '某辖区某日生效的政策参数（逐项取自最近一级的政策版本）',
      en: 'The policy in force in a jurisdiction on a date, each parameter from the nearest level that sets it',
    },
    tags: TAGS,
    roles: ROLES,
    jurisdiction: { in: 'path', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.GetEffectivePolicy',
    response: 'jineng.subsidy.v1.EffectivePolicy',
    target: { kind: 'query', service: 'subsidy', name: 'GetEffectivePolicy' },
  },
  {
    method: 'GET',
    path: '/api/v1/policy-versions',
    summary: {
      zh: '适用于某辖区的政策版本（本级、上级）及其下级的版本',
      en: 'The policy versions that apply to a jurisdiction (its own and the levels above) and those below it',
    },
    tags: TAGS,
    roles: ROLES,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.ListPolicyVersions',
    response: 'jineng.subsidy.v1.PolicyVersionList',
    target: { kind: 'query', service: 'subsidy', name: 'ListPolicyVersions' },
  },
  {
    method: 'GET',
    path: '/api/v1/policy-versions/:versionId',
    summary: {
      zh: '一个政策版本（含参数与目标任务）',
      en: 'One policy version with its parameters and targets',
    },
    tags: TAGS,
    roles: ROLES,
    request: 'jineng.subsidy.v1.GetPolicyVersion',
    response: 'jineng.subsidy.v1.PolicyVersion',
    target: { kind: 'query', service: 'subsidy', name: 'GetPolicyVersion' },
  },
  {
    method: 'GET',
    path: '/api/v1/policy-versions/:toVersionId/diff',
    summary: {
      zh: '两个政策版本的逐项差异（?fromVersionId=较早版本）',
      en: 'What changed from one policy version (?fromVersionId=) to this one, parameter by parameter',
    },
    tags: TAGS,
    roles: ROLES,
    request: 'jineng.subsidy.v1.DiffPolicyVersions',
    response: 'jineng.subsidy.v1.PolicyVersionDiff',
    target: { kind: 'query', service: 'subsidy', name: 'DiffPolicyVersions' },
  },
  {
    method: 'POST',
    path: '/api/v1/policy-versions',
    summary: { zh: '起草政策版本', en: 'Draft a policy version' },
    tags: TAGS,
    roles: ['admin'],
    jurisdiction: { in: 'body', name: 'jurisdiction' },
    request: 'jineng.subsidy.v1.DraftPolicyVersion',
    response: 'jineng.subsidy.v1.PolicyVersion',
    successStatus: 201,
    target: { kind: 'command', service: 'subsidy', name: 'DraftPolicyVersion' },
  },
  {
    method: 'PATCH',
    path: '/api/v1/policy-versions/:versionId',
    summary: {
      zh: '修改政策版本草稿（所给字段整体替换；已发布的版本不可修改）',
      en: 'Change a draft (each field given replaces the draft’s; a published version cannot change)',
    },
    tags: TAGS,
    roles: ['admin'],
    request: 'jineng.subsidy.v1.UpdateDraft',
    response: 'jineng.subsidy.v1.PolicyVersion',
    target: { kind: 'command', service: 'subsidy', name: 'UpdateDraft' },
  },
  {
    method: 'POST',
    path: '/api/v1/policy-versions/:versionId/publish',
    summary: {
      zh: '发布政策版本（此后不可修改；追溯生效须说明原因）',
      en: 'Publish a policy version (immutable from then on; a past effective date needs a reason)',
    },
    tags: TAGS,
    roles: ['admin'],
    request: 'jineng.subsidy.v1.PublishPolicyVersion',
    response: 'jineng.subsidy.v1.PolicyVersion',
    target: { kind: 'command', service: 'subsidy', name: 'PublishPolicyVersion' },
  },
  // The holiday calendar is public data every service counts working days with: everyone authenticated
  // reads it; an admin at province level publishes a year (national, or the province's own days — the
  // body's province must be within the caller's jurisdiction; the service checks the level).
  {
    method: 'GET',
    path: '/api/v1/holiday-calendar',
    summary: {
      zh: '节假日安排：数据包覆盖的年份与管理员发布的年份（?province= 含该省自有假日）',
      en: "The holiday calendar: the package's years and the published ones (?province= with that province's own days)",
    },
    tags: CALENDAR_TAGS,
    roles: ROLES,
    request: 'jineng.subsidy.v1.GetHolidayCalendar',
    response: 'jineng.subsidy.v1.HolidayCalendar',
    target: { kind: 'query', service: 'subsidy', name: 'GetHolidayCalendar' },
  },
  {
    method: 'POST',
    path: '/api/v1/holiday-calendar',
    summary: {
      zh: '发布某年的节假日安排（全国或本省自有假日；已知年份的更正须说明原因）',
      en: "Publish a year's holiday arrangement (national, or a province's own days; correcting a known year needs a reason)",
    },
    tags: CALENDAR_TAGS,
    roles: ['admin'],
    jurisdiction: { in: 'body', name: 'province' },
    request: 'jineng.subsidy.v1.PublishHolidayCalendar',
    response: 'jineng.subsidy.v1.HolidayYear',
    target: { kind: 'command', service: 'subsidy', name: 'PublishHolidayCalendar' },
  },
  ...CLAIM_ROUTES,
];
