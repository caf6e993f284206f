// RecordTrainingWish: the occupation (and level) a worker wishes to be trained in (培训意愿).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { runOnWorker } from '../worker-access';

@Injectable()
export class RecordTrainingWishHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<registryV1.RecordTrainingWish>): Promise<registryV1.CommandAccepted> {
    return runOnWorker(this.commands, request, OFFICERS, {
      type: 'RecordTrainingWish',
      data: { ...request.payload },
    });
  }
}
