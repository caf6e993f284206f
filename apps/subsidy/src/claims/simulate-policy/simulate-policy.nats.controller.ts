// jineng.qry.subsidy.SimulatePolicy
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SimulatePolicyHandler } from './simulate-policy.handler';

@Controller()
export class SimulatePolicyNatsController {
  constructor(private readonly handler: SimulatePolicyHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'SimulatePolicy' }))
  simulate(@Payload() data: unknown): Promise<subsidyV1.PolicySimulation> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.SimulatePolicy>(data, {
        payloadContract: 'jineng.subsidy.v1.SimulatePolicy',
      }),
    );
  }
}
