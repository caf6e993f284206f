// DisqualifyInstitutionForYear: not eligible for a year (e.g. pass rate < 80% or employment rate < 30%, Yuncheng).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { runOnInstitution } from '../institution-access';

@Injectable()
export class DisqualifyInstitutionForYearHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<registryV1.DisqualifyInstitutionForYear>): Promise<registryV1.CommandAccepted> {
    return runOnInstitution(this.commands, request, OFFICERS, {
      type: 'DisqualifyInstitutionForYear',
      data: { ...request.payload },
    });
  }
}
