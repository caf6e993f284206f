// The clawback's process manager (pure): a certificate revoked → a recovery requested on each claim that
// names its holder for that class (the claim's decider asks back what its lines with that certificate
// were paid, only once the claim is paid). Recovery ids derive from the event and the claim.
import { uuidV5 } from '../../policy/policy-ids';
import type { RequestRecovery } from '../domain/claim';

const RECOVERY_NAMESPACE = '6e2f9a07-3b1c-4d8e-a5f6-0c7d9e2b4a18';

export function recoveryIdFor(causeId: string, claimId: string): string {
  return uuidV5(RECOVERY_NAMESPACE, `${causeId}:${claimId}`);
}

export function onCertificateRevoked(
  eventId: string,
  data: Record<string, unknown>,
  claimIds: readonly string[],
): Omit<RequestRecovery, 'metadata'>[] {
  for (const field of ['certificateId', 'workerId', 'reason'])
    if (typeof data[field] !== 'string' || data[field] === '')
      throw new TypeError(`CertificateRevoked.v1: ${field} is not a string`);
  return claimIds.map((claimId) => ({
    type: 'RequestRecovery',
    data: {
      claimId,
      recoveryId: recoveryIdFor(eventId, claimId),
      reason: `证书 ${String(data.certificateNumber ?? data.certificateId)} 已撤销：${String(data.reason)}`,
      certificateId: String(data.certificateId),
      workerId: String(data.workerId),
    },
  }));
}

/** A class that never completes (ClassCancelled.v1, e.g. WITHDRAWN) returns all its paid prepayment. */
export function onPrepaidClassCancelled(
  eventId: string,
  data: Record<string, unknown>,
  claimId: string,
): Omit<RequestRecovery, 'metadata'> {
  if (typeof data.classId !== 'string' || data.classId === '')
    throw new TypeError('ClassCancelled.v1: classId is not a string');
  return {
    type: 'RequestRecovery',
    data: {
      claimId,
      recoveryId: recoveryIdFor(eventId, claimId),
      reason: `班级 ${data.classId} 已取消（${String(data.reasonCode ?? '')}），未结业，追回预拨资金`,
    },
  };
}
