// The clawback's other cause (issue 13: "a revoked certificate or a confirmed fraud finding after
// payment opens a recovery"), pure: the audit service's FraudAlertConfirmed.v1 asking for `clawback`
// → a recovery of what is left paid on each claim it names that this service holds. The claim's decider
// asks back only from a paid claim (before payment there is nothing to recover: the officers reject
// the claim instead). Recovery ids derive from the alert's event and the claim: a redelivered event
// asks nothing twice. An alert that asks only for a suspension is not subsidy's to act on.
import type { RequestRecovery } from '../domain/claim';
import { recoveryIdFor } from './on-certificate-revoked';

export function onFraudAlertConfirmed(
  eventId: string,
  data: Record<string, unknown>,
  claimIdsHeld: readonly string[],
): Omit<RequestRecovery, 'metadata'>[] {
  for (const field of ['alertId', 'ruleId', 'reason'])
    if (typeof data[field] !== 'string' || data[field] === '')
      throw new TypeError(`FraudAlertConfirmed.v1: ${field} is not a string`);
  if (!Array.isArray(data.actions) || !Array.isArray(data.claimIds))
    throw new TypeError('FraudAlertConfirmed.v1: actions and claimIds are lists');
  if (!data.actions.includes('clawback')) return [];
  const named = new Set(data.claimIds.map(String));
  return claimIdsHeld
    .filter((claimId) => named.has(claimId))
    .map((claimId) => ({
      type: 'RequestRecovery',
      data: {
        claimId,
        recoveryId: recoveryIdFor(eventId, claimId),
        reason: `欺诈预警 ${String(data.alertId)}（规则 ${String(data.ruleId)}）经审计确认：${String(data.reason)}`,
      },
    }));
}
