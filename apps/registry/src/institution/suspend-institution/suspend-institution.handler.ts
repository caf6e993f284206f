// SuspendInstitution: suspended for rectification until a deadline.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { institutionFor } from '../institution-access';

@Injectable()
export class SuspendInstitutionHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.SuspendInstitution>): Promise<registryV1.CommandAccepted> {
    const institution = await institutionFor(this.infra, envelope.principal, OFFICERS, payload.institutionId);
    const result = await this.infra.execute({
      decider: institutionDecider,
      streamId: institutionStreamId(payload.institutionId),
      command: {
        type: 'SuspendInstitution',
        metadata: this.infra.metadata(envelope, institution.jurisdiction),
        data: { ...payload },
      },
    });
    return accepted(payload.institutionId, result);
  }
}
