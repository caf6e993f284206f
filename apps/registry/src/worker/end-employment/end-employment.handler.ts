// EndEmployment: the worker's current employment ends on a date.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { runOnWorker } from '../worker-access';

@Injectable()
export class EndEmploymentHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<registryV1.EndEmployment>): Promise<registryV1.CommandAccepted> {
    return runOnWorker(this.commands, request, OFFICERS, {
      type: 'EndEmployment',
      data: { ...request.payload },
    });
  }
}
