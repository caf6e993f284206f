// SimulatePolicy: the what-if answered at once (a small period); StartPolicySimulation runs it as a job.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { PolicySimulation } from './policy-simulation';

@Injectable()
export class SimulatePolicyHandler {
  constructor(private readonly simulation: PolicySimulation) {}

  async handle({
    payload,
    envelope,
  }: RpcRequest<subsidyV1.SimulatePolicy>): Promise<subsidyV1.PolicySimulation> {
    return this.simulation.run(await this.simulation.authorize(payload, envelope.principal));
  }
}
