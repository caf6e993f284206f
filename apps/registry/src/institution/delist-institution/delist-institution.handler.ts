// DelistInstitution: out of the directory.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { runOnInstitution } from '../institution-access';

@Injectable()
export class DelistInstitutionHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<registryV1.DelistInstitution>): Promise<registryV1.CommandAccepted> {
    return runOnInstitution(this.commands, request, OFFICERS, {
      type: 'DelistInstitution',
      data: { ...request.payload },
    });
  }
}
