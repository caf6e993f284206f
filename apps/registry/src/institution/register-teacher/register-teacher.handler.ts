// RegisterTeacher: a full-time teacher reported by an institution (专职师资报备); name and ID number
// are kept encrypted, the event carries the hash and masks.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { institutionFor } from '../institution-access';
import { InstitutionPersonalDataVault } from '../institution-personal-data.vault';

@Injectable()
export class RegisterTeacherHandler {
  constructor(
    private readonly infra: RegistryInfrastructure,
    private readonly vault: InstitutionPersonalDataVault,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RegisterTeacher>): Promise<registryV1.CommandAccepted> {
    const institution = await institutionFor(
      this.infra,
      envelope.principal,
      ['institution', ...OFFICERS],
      payload.institutionId,
    );
    const result = await this.infra.executeWith(
      {
        decider: institutionDecider,
        streamId: institutionStreamId(payload.institutionId),
        command: {
          type: 'RegisterTeacher',
          metadata: this.infra.metadata(envelope, institution.jurisdiction),
          data: {
            institutionId: payload.institutionId,
            teacher: this.vault.teacherFacts(payload.teacher, 'teacher'),
          },
        },
      },
      (tx) => this.vault.saveTeachers(tx, payload.institutionId, [payload.teacher]),
    );
    return accepted(payload.institutionId, result);
  }
}
