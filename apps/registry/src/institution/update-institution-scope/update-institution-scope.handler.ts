// UpdateInstitutionScope: the occupations and levels it may train; the institution amends its own only while applying.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { institutionFor } from '../institution-access';

@Injectable()
export class UpdateInstitutionScopeHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.UpdateInstitutionScope>): Promise<registryV1.CommandAccepted> {
    const institution = await institutionFor(
      this.infra,
      envelope.principal,
      ['institution', ...OFFICERS],
      payload.institutionId,
    );
    const result = await this.infra.execute({
      decider: institutionDecider,
      streamId: institutionStreamId(payload.institutionId),
      command: {
        type: 'UpdateInstitutionScope',
        metadata: this.infra.metadata(envelope, institution.jurisdiction),
        data: { ...payload },
      },
    });
    return accepted(payload.institutionId, result);
  }
}
