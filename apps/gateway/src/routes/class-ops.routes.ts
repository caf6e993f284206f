// The REST routes of the class operations service: forwarded over NATS to jineng.cmd.class-ops.<Name>.
// The service checks ownership and jurisdiction again on the class itself (a path only names its id).
import type { Role } from '@jineng/messaging';
import type { RouteDefinition } from '../routing/route-definition';

const OFFICERS: readonly Role[] = ['county_officer', 'city_approver', 'admin'];
const tags = ['class-ops'];

const command = (name: string) => ({ kind: 'command', service: 'class-ops', name }) as const;
const contract = (name: string) => `jineng.class_ops.v1.${name}`;
const ACCEPTED = contract('ClassCommandAccepted');

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
];
