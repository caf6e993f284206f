// The registry's reaction to the audit service's FraudAlertConfirmed.v1 (ADR 0021), pure: an alert an
// auditor confirmed with the action `suspension` → `SuspendInstitution` for each institution it names,
// as that auditor, caused by the alert. The command id derives from the alert and the institution, so
// one alert suspends an institution once whatever the redeliveries (or a republished confirmation).
// No seed document sets a rectification period for fraud: the registry gives 90 days from the day the
// alert was confirmed (an officer reinstates earlier or delists, as for any suspension).
import { uuidV5 } from '@jineng/ddd';
import { shanghaiDate } from '@jineng/kernel';
import type { IntegrationEvent } from '@jineng/messaging';
import type { CommandBody } from '@jineng/service-runtime';
import type { SuspendInstitution } from '../domain/institution.decide';

export const FRAUD_ALERT_CONFIRMED = 'FraudAlertConfirmed.v1';
export const FRAUD_RECTIFICATION_DAYS = 90;
const FRAUD_SUSPENSION_NAMESPACE = 'a4d7c2e9-5f1b-4e3a-9c8d-2b6f0e1a7d35';
/** the contract's limit on SuspendInstitution.reason */
const MAX_REASON = 500;

export interface FraudSuspension {
  /** the SuspendInstitution's command id: one per alert and institution */
  readonly commandId: string;
  readonly alertId: string;
  readonly actor: { readonly userId: string; readonly roles: readonly string[] };
  readonly command: CommandBody<SuspendInstitution>;
}

export const fraudSuspensionCommandId = (alertId: string, institutionId: string): string =>
  uuidV5(FRAUD_SUSPENSION_NAMESPACE, `${alertId}:${institutionId}`);

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const text = (data: Record<string, unknown>, field: string): string => {
  const value = data[field];
  if (typeof value !== 'string' || value === '')
    throw new TypeError(`${FRAUD_ALERT_CONFIRMED}: ${field} is not a string`);
  return value;
};

/** The suspensions the confirmation asks of the registry; none for another event or a clawback only. */
export function suspensionsFor(event: IntegrationEvent): FraudSuspension[] {
  if (event.type !== FRAUD_ALERT_CONFIRMED || event.service !== 'audit') return [];
  const data = event.data as Record<string, unknown>;
  const alertId = text(data, 'alertId');
  const ruleId = text(data, 'ruleId');
  const reason = text(data, 'reason');
  const confirmedBy = text(data, 'confirmedBy');
  if (!Array.isArray(data.actions) || !Array.isArray(data.institutionIds))
    throw new TypeError(`${FRAUD_ALERT_CONFIRMED}: actions and institutionIds are lists`);
  if (!data.actions.includes('suspension')) return [];
  const metadataActor = (event.metadata as { actor?: { userId?: unknown; roles?: unknown } }).actor;
  const roles =
    metadataActor?.userId === confirmedBy && Array.isArray(metadataActor.roles)
      ? metadataActor.roles.map(String)
      : ['auditor'];
  const rectificationDeadline = addDays(shanghaiDate(new Date(event.recordedAt)), FRAUD_RECTIFICATION_DAYS);
  const why = `欺诈预警 ${alertId}（规则 ${ruleId} v${String(data.ruleVersion ?? '?')}）经审计确认：${reason}`;
  return [...new Set(data.institutionIds.map(String))].sort().map((institutionId) => ({
    commandId: fraudSuspensionCommandId(alertId, institutionId),
    alertId,
    actor: { userId: confirmedBy, roles },
    command: {
      type: 'SuspendInstitution',
      data: {
        institutionId,
        reason: why.length > MAX_REASON ? `${why.slice(0, MAX_REASON - 1)}…` : why,
        rectificationDeadline,
      },
    },
  }));
}
