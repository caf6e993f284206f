// RecordTrainingWish: the occupation (and level) a worker wishes to be trained in (培训意愿).
import type { registryV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { accepted, RegistryInfrastructure } from '../../shared/registry-infrastructure';
import { workerDecider } from '../domain/worker.decide';
import { workerStreamId } from '../domain/worker.events';
import { workerFor } from '../worker-access';

@Injectable()
export class RecordTrainingWishHandler {
  constructor(private readonly infra: RegistryInfrastructure) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<registryV1.RecordTrainingWish>): Promise<registryV1.CommandAccepted> {
    const worker = await workerFor(this.infra, envelope.principal, OFFICERS, payload.workerId);
    const result = await this.infra.execute({
      decider: workerDecider,
      streamId: workerStreamId(payload.workerId),
      command: {
        type: 'RecordTrainingWish',
        metadata: this.infra.metadata(envelope, worker.jurisdiction),
        data: { ...payload },
      },
    });
    return accepted(payload.workerId, result);
  }
}
