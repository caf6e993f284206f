import { defineDomainError } from '@jineng/ddd';

export class FraudAlertNotFound extends defineDomainError<{ alertId: string }>({
  code: 'FRAUD_ALERT.NOT_FOUND',
  category: 'not_found',
  zh: (d) => `预警 ${d.alertId} 不存在`,
  en: (d) => `fraud alert ${d.alertId} does not exist`,
}) {}

export class FraudAlertTransitionRefused extends defineDomainError<{
  alertId: string;
  status: string;
  action: string;
  allowedFrom: string[];
}>({
  code: 'FRAUD_ALERT.TRANSITION_REFUSED',
  category: 'illegal_state',
  zh: (d) => `预警 ${d.alertId} 当前为“${d.status}”，不能${d.action}（仅限：${d.allowedFrom.join('、')}）`,
  en: (d) =>
    `fraud alert ${d.alertId} is ${d.status}: it cannot be ${d.action} (only from ${d.allowedFrom.join(', ')})`,
}) {}

export class FraudActionNotApplicable extends defineDomainError<{
  alertId: string;
  action: string;
  needs: string;
}>({
  code: 'FRAUD_ALERT.ACTION_NOT_APPLICABLE',
  category: 'validation',
  zh: (d) =>
    `预警 ${d.alertId} 未涉及${d.needs === 'claims' ? '补贴申领' : '培训机构'}，不能要求“${d.action}”`,
  en: (d) => `fraud alert ${d.alertId} names no ${d.needs}: '${d.action}' cannot be asked`,
}) {}
