// SuspendInstitution: suspended for rectification until a deadline.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { institutionDecider } from '../domain/institution.decide';
import { institutionStreamId } from '../domain/institution.events';
import { institutionFor } from '../institution-access';

@Injectable()
export class SuspendInstitutionHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<registryV1.SuspendInstitution>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const institution = await institutionFor(
      this.commands,
      envelope.principal,
      OFFICERS,
      payload.institutionId,
    );
    const result = await this.commands.run(request, {
      decider: institutionDecider,
      streamId: institutionStreamId(payload.institutionId),
      jurisdiction: institution.jurisdiction,
      command: {
        type: 'SuspendInstitution',
        data: { ...payload },
      },
    });
    return commandAccepted(payload.institutionId, result);
  }
}
