// RecordTrainingWish: the occupation (and level) a worker wishes to be trained in (培训意愿).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { workerDecider } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';

@Injectable()
export class RecordTrainingWishHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<registryV1.RecordTrainingWish>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const worker = await workerFor(this.commands, envelope.principal, OFFICERS, payload.workerId);
    const result = await this.commands.run(request, {
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      jurisdiction: worker.jurisdiction,
      command: {
        type: 'RecordTrainingWish',
        data: { ...payload },
      },
    });
    return commandAccepted(payload.workerId, result);
  }
}
