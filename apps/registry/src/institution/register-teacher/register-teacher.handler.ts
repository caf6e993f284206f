// RegisterTeacher: a full-time teacher reported by an institution (专职师资报备); name and ID number
// are kept encrypted, the event carries the hash and masks.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { institutionFor } from '../institution-access';
import { InstitutionPersonalDataVault } from '../institution-personal-data.vault';

@Injectable()
export class RegisterTeacherHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly vault: InstitutionPersonalDataVault,
  ) {}

  async handle(request: RpcRequest<registryV1.RegisterTeacher>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const institution = await institutionFor(
      this.commands,
      envelope.principal,
      ['institution', ...OFFICERS],
      payload.institutionId,
    );
    const result = await this.commands.run(request, {
      decider: institutionDecider,
      streamId: institutionStreamId(payload.institutionId),
      jurisdiction: institution.jurisdiction,
      command: {
        type: 'RegisterTeacher',
        data: {
          institutionId: payload.institutionId,
          teacher: this.vault.teacherFacts(payload.teacher, 'teacher'),
        },
      },
      withEvents: (tx) => this.vault.saveTeachers(tx, payload.institutionId, [payload.teacher]),
    });
    return commandAccepted(payload.institutionId, result);
  }
}
