// A certificate, loaded to check that the caller may see or act on it.
import type { certificationV1 } from '@jineng/contracts';
import type { Principal, Role } from '@jineng/messaging';
import type { CommandRunner } from '@jineng/service-runtime';
import { authorize } from '../shared/access';
import { certificateDecider } from './domain/certificate.decide';
import { certificateStreamId, type CertificateState } from './domain/certificate';
import { CertificateNotFound } from './domain/certificate.errors';

export type KnownCertificate = Exclude<CertificateState, { status: 'none' }>;

export async function certificateFor(
  commands: CommandRunner,
  principal: Principal,
  roles: readonly Role[],
  certificateId: string,
): Promise<KnownCertificate> {
  const state = await commands.load(certificateDecider, certificateStreamId(certificateId));
  if (state.status === 'none') throw new CertificateNotFound({ certificateId });
  authorize(principal, roles, { jurisdiction: state.jurisdictionCode, institutionId: state.institutionId });
  return state;
}

export function certificateView(
  state: KnownCertificate,
  qrCode: certificationV1.CertificateQrCode,
): certificationV1.Certificate {
  const { status, revocationReason, exceptionApplied, assessmentId: _a, ...issued } = state;
  return {
    ...issued,
    status,
    qrCode,
    ...(revocationReason !== undefined ? { revocationReason } : {}),
    ...(exceptionApplied
      ? {
          exceptionApplied: {
            ...exceptionApplied,
            insteadOf: [...exceptionApplied.insteadOf],
            policyVersionIds: [...exceptionApplied.policyVersionIds],
          },
        }
      : {}),
  };
}
