// RecordEmployment: a worker is employed (employer credit code, start date, evidence). One open
// employment at a time; the subsidy service reads these for the 20% employment tranche.
import type { registryV1 } from '@jineng/contracts';
import { newId } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { workerDecider } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';

@Injectable()
export class RecordEmploymentHandler {
  constructor(private readonly commands: CommandRunner) {}

  async handle(request: RpcRequest<registryV1.RecordEmployment>): Promise<registryV1.CommandAccepted> {
    const { envelope, payload } = request;
    const worker = await workerFor(this.commands, envelope.principal, OFFICERS, payload.workerId);
    const result = await this.commands.run(request, {
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      jurisdiction: worker.jurisdiction,
      command: {
        type: 'RecordEmployment',
        // a retried command answers with the id it recorded the first time
        data: {
          ...payload,
          employerCreditCode: payload.employerCreditCode.toUpperCase(),
          employmentId: newId(),
        },
      },
    });
    return commandAccepted(payload.workerId, result);
  }
}
