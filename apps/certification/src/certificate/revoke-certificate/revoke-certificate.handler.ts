// RevokeCertificate: an officer of the certificate's jurisdiction revokes it with a reason (subsidy
// claws back what was paid on it); its row turns revoked in the event's transaction.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { OFFICERS } from '../../shared/access';
import { certificateFor } from '../certificate-access';
import { certificateDecider } from '../domain/certificate.decide';
import { certificateStreamId } from '../domain/certificate';

@Injectable()
export class RevokeCertificateHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.RevokeCertificate>,
  ): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    const certificate = await certificateFor(
      this.commands,
      envelope.principal,
      OFFICERS,
      payload.certificateId,
    );
    const S = `"${this.reads.schema}"`;
    const result = await this.commands.run(request, {
      decider: certificateDecider,
      streamId: certificateStreamId(payload.certificateId),
      jurisdiction: certificate.jurisdictionCode,
      command: { type: 'RevokeCertificate', data: { ...payload } },
      withEvents: async (tx, { events }) => {
        for (const { type, data, metadata } of events)
          if (type === 'CertificateRevoked.v1')
            await tx.query(
              `update ${S}.certificates set status = 'revoked', revocation_reason = $2, revoked_at = $3
                where certificate_id = $1`,
              [
                payload.certificateId,
                (data as { reason: string }).reason,
                metadata.occurredAt ?? new Date().toISOString(),
              ],
            );
      },
    });
    return commandAccepted(payload.certificateId, result);
  }
}
