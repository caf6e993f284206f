// UpdateInstitutionScope: the occupations and levels it may train; the institution amends its own only while applying.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { runOnInstitution } from '../institution-access';

@Injectable()
export class UpdateInstitutionScopeHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<registryV1.UpdateInstitutionScope>): Promise<registryV1.CommandAccepted> {
    return runOnInstitution(this.commands, request, ['institution', ...OFFICERS], {
      type: 'UpdateInstitutionScope',
      data: { ...request.payload },
    });
  }
}
