// EndEmployment: the worker's current employment ends on a date.
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { workerDecider } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';

@Injectable()
export class EndEmploymentHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<registryV1.EndEmployment>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const worker = await workerFor(this.commands, envelope.principal, OFFICERS, payload.workerId);
    const result = await this.commands.run(request, {
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      jurisdiction: worker.jurisdiction,
      command: {
        type: 'EndEmployment',
        data: { ...payload },
      },
    });
    return commandAccepted(payload.workerId, result);
  }
}
