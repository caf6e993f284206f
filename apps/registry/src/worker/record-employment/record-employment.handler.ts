// RecordEmployment: a worker is employed (employer credit code, start date, evidence). One open
// employment at a time; the subsidy service reads these for the 20% employment tranche.
import type { registryV1 } from '@jineng/contracts';
import { newId } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { workerDecider } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';

@Injectable()
export class RecordEmploymentHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RecordEmployment>): Promise<registryV1.CommandAccepted> {
    const worker = await workerFor(this.infra, envelope.principal, OFFICERS, payload.workerId);
    const result = await this.infra.execute({
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      command: {
        type: 'RecordEmployment',
        metadata: this.infra.metadata(envelope, worker.jurisdiction),
        // a retried command answers with the id it recorded the first time
        data: {
          ...payload,
          employerCreditCode: payload.employerCreditCode.toUpperCase(),
          employmentId: newId(),
        },
      },
    });
    return accepted(payload.workerId, result);
  }
}
