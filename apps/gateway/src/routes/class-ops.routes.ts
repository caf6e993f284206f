// The REST routes of the class operations service: forwarded over NATS to jineng.cmd.class-ops.<Name>.
// The service checks ownership and jurisdiction again on the class itself (a path only names its id).
import { EXPORT_CONTENT_TYPES } from '@jineng/lists';
import type { Role } from '@jineng/messaging';
import type { RateLimit, RouteDefinition } from '../routing/route-definition';

const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];
const READERS: readonly Role[] = ['institution', ...OFFICERS, 'auditor'];
const tags = ['class-ops'];

const command = (name: string) => ({ kind: 'command', service: 'class-ops', name }) as const;
const query = (name: string) => ({ kind: 'query', service: 'class-ops', name }) as const;
const contract = (name: string) => `jineng.class_ops.v1.${name}`;
const ACCEPTED = contract('ClassCommandAccepted');

/** Per user: an institution's account sends the check-ins of all its devices and classes. */
export const CHECK_IN_RATE_LIMIT: RateLimit = { requests: 20_000, perSeconds: 60 };
export const CHECK_IN_BATCH_RATE_LIMIT: RateLimit = { requests: 600, perSeconds: 60 };

export const CLASS_OPS_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/api/v1/classes',
    summary: {
      zh: '开班申请（所有不符合的规定一并列出）',
      en: 'Apply to open a class (every failed rule reported at once)',
    },
    tags,
    roles: ['institution'],
    institution: { in: 'body', name: 'institutionId' },
    request: contract('ApplyToOpenClass'),
    response: ACCEPTED,
    successStatus: 201,
    target: command('ApplyToOpenClass'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/approval',
    summary: { zh: '批准开班（本辖区经办人员）', en: 'Approve a class (an officer of its jurisdiction)' },
    tags,
    roles: OFFICERS,
    request: contract('ApproveClass'),
    response: ACCEPTED,
    target: command('ApproveClass'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/reapproval',
    summary: {
      zh: '资金预留后重新批准待资金的培训班（开班前，本辖区经办人员）',
      en: 'Approve again a class awaiting funds once the ledger has earmarked them (before the start)',
    },
    tags,
    roles: OFFICERS,
    request: contract('ReapproveClass'),
    response: ACCEPTED,
    target: command('ReapproveClass'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/rejection',
    summary: { zh: '驳回开班申请（须说明理由）', en: 'Reject a class, with a reason' },
    tags,
    roles: OFFICERS,
    request: contract('RejectClass'),
    response: ACCEPTED,
    target: command('RejectClass'),
  },
  {
    method: 'PUT',
    path: '/api/v1/classes/:classId/roster',
    summary: {
      zh: '调整花名册（开班前；新增学员按开班规定重新核对）',
      en: 'Amend the roster before the start (the added trainees are checked again)',
    },
    tags,
    roles: ['institution'],
    request: contract('AmendRoster'),
    response: ACCEPTED,
    target: command('AmendRoster'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/withdrawal',
    summary: { zh: '撤回开班申请（开班前）', en: 'Withdraw a class before its start' },
    tags,
    roles: ['institution', ...OFFICERS],
    request: contract('WithdrawApplication'),
    response: ACCEPTED,
    target: command('WithdrawApplication'),
  },
  {
    method: 'POST',
    path: '/api/v1/institutions/:institutionId/satisfaction-rectifications',
    summary: {
      zh: '记录机构整改完成（满意度不达标后；本辖区经办人员，须说明理由），恢复开班',
      en: "Record an institution's rectification after a satisfaction shortfall (an officer of its jurisdiction, with a reason): openings are allowed again",
    },
    tags,
    roles: OFFICERS,
    request: contract('RecordRectification'),
    response: contract('RectificationAccepted'),
    successStatus: 201,
    target: command('RecordRectification'),
  },
  {
    method: 'POST',
    path: '/api/v1/devices/:deviceId/check-ins',
    summary: {
      zh: '签到（设备在线时逐条上传；拒绝的签到也记录）',
      en: 'Record a check-in from a device online (a refused one is recorded too)',
    },
    tags,
    roles: ['institution'],
    // a class of fifty checks in within minutes, from one institution account
    rateLimit: CHECK_IN_RATE_LIMIT,
    request: contract('RecordCheckIn'),
    response: contract('CheckInOutcome'),
    // check-ins arriving together reach class-ops together (ADR 0024)
    target: { ...command('RecordCheckIn'), grouped: true },
  },
  {
    method: 'POST',
    path: '/api/v1/devices/:deviceId/check-in-batches',
    summary: {
      zh: '离线签到批量上传（每条单独核对；重复上传不改变任何记录）',
      en: "Upload a device's offline check-ins (each judged alone; sent again, nothing changes)",
    },
    tags,
    roles: ['institution'],
    rateLimit: CHECK_IN_BATCH_RATE_LIMIT,
    request: contract('UploadCheckIns'),
    response: contract('CheckInBatchResult'),
    target: command('UploadCheckIns'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/video-evidence',
    summary: {
      zh: '登记教学录像（存储地址与 SHA-256，不存视频本身）',
      en: 'Record video evidence of a session (its storage URI and SHA-256, never the video)',
    },
    tags,
    roles: ['institution'],
    request: contract('RecordVideoEvidence'),
    response: ACCEPTED,
    successStatus: 201,
    target: command('RecordVideoEvidence'),
  },
  {
    method: 'GET',
    path: '/api/v1/classes/:classId/video-coverage',
    summary: {
      zh: '录像覆盖情况（理论全程、实操每学时连续分钟数；缺口）',
      en: 'Video coverage: theory in full, practical minutes per class hour, the gaps',
    },
    tags,
    roles: READERS,
    request: contract('GetVideoCoverage'),
    response: contract('VideoCoverage'),
    target: query('GetVideoCoverage'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/inspections',
    summary: {
      zh: '登记抽查（时间、地点、在岗教师、人数）',
      en: 'Record an inspection (time, place, teachers, headcount)',
    },
    tags,
    roles: OFFICERS,
    request: contract('RecordInspection'),
    response: ACCEPTED,
    successStatus: 201,
    target: command('RecordInspection'),
  },
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/completion',
    summary: { zh: '结业（最后一次课结束后）', en: 'Complete a class after its last session' },
    tags,
    roles: ['institution', ...OFFICERS],
    request: contract('CompleteClass'),
    response: ACCEPTED,
    target: command('CompleteClass'),
  },
  {
    method: 'GET',
    path: '/api/v1/classes',
    summary: {
      zh: '培训班列表（按辖区、机构、状态筛选；机构只见本机构）',
      en: 'List classes by jurisdiction, institution, status (an institution sees its own)',
    },
    tags,
    roles: READERS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ListClasses'),
    response: contract('ClassPage'),
    target: query('ListClasses'),
  },
  {
    method: 'GET',
    path: '/api/v1/classes/export',
    summary: { zh: '导出培训班列表（.xlsx 或 JSON）', en: 'Export the classes list (.xlsx or JSON)' },
    tags,
    roles: READERS,
    jurisdiction: { in: 'query', name: 'jurisdiction' },
    request: contract('ExportClasses'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: { ...query('ExportClasses'), timeoutMs: 60_000 },
  },
  {
    method: 'GET',
    path: '/api/v1/classes/:classId',
    summary: {
      zh: '培训班详情（花名册、课次、考勤矩阵、抽查、录像覆盖）',
      en: 'One class with its roster, sessions, attendance matrix, inspections and video coverage',
    },
    tags,
    roles: READERS,
    request: contract('GetClass'),
    response: contract('ClassDetail'),
    target: query('GetClass'),
  },
  {
    method: 'GET',
    path: '/api/v1/rejected-check-ins',
    summary: {
      zh: '被拒绝的签到（按培训班或设备）',
      en: 'Refused check-ins of a class or a device',
    },
    tags,
    roles: READERS,
    request: contract('ListRejectedCheckIns'),
    response: contract('RejectedCheckInPage'),
    target: query('ListRejectedCheckIns'),
  },
  {
    method: 'GET',
    path: '/api/v1/rejected-check-ins/export',
    summary: { zh: '导出被拒绝的签到（.xlsx 或 JSON）', en: 'Export refused check-ins (.xlsx or JSON)' },
    tags,
    roles: READERS,
    request: contract('ExportRejectedCheckIns'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: { ...query('ExportRejectedCheckIns'), timeoutMs: 60_000 },
  },
  {
    method: 'GET',
    path: '/api/v1/workers/:workerId/training-history',
    summary: { zh: '劳动者的培训记录（各机构）', en: "A worker's training history (any institution)" },
    tags,
    roles: [...OFFICERS, 'auditor'],
    request: contract('ListTrainingHistory'),
    response: contract('TrainingHistoryPage'),
    target: query('ListTrainingHistory'),
  },
  {
    method: 'GET',
    path: '/api/v1/workers/:workerId/training-history/export',
    summary: { zh: '导出劳动者的培训记录', en: "Export a worker's training history" },
    tags,
    roles: [...OFFICERS, 'auditor'],
    request: contract('ExportTrainingHistory'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: { ...query('ExportTrainingHistory'), timeoutMs: 60_000 },
  },
  // the trainee's own classes: the service scopes them to the signed-in worker (no id in the path)
  {
    method: 'GET',
    path: '/api/v1/my/trainings',
    summary: {
      zh: '我的培训（参加过的培训班、机构、职业等级、日期、状态、出勤课次）',
      en: 'My trainings: the classes I am or was on, with institution, occupation and level, dates, status, attendance',
    },
    tags,
    roles: ['worker'],
    request: contract('ListMyTrainings'),
    response: contract('TrainingHistoryPage'),
    target: query('ListMyTrainings'),
  },
  {
    method: 'GET',
    path: '/api/v1/my/trainings/export',
    summary: { zh: '导出我的培训（.xlsx 或 JSON）', en: 'Export my trainings (.xlsx or JSON)' },
    tags,
    roles: ['worker'],
    request: contract('ExportMyTrainings'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: { ...query('ExportMyTrainings'), timeoutMs: 60_000 },
  },
];
