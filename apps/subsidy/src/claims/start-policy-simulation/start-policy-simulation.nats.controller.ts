// jineng.cmd.subsidy.StartPolicySimulation
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { StartPolicySimulationHandler } from './start-policy-simulation.handler';

@Controller()
export class StartPolicySimulationNatsController {
  constructor(private readonly handler: StartPolicySimulationHandler) {}

  @MessagePattern(rpcSubject({ kind: 'command', service: 'subsidy', name: 'StartPolicySimulation' }))
  start(@Payload() data: unknown): Promise<commonV1.JobAccepted> {
    return this.handler.handle(
      parseRpcRequest<subsidyV1.StartPolicySimulation>(data, {
        payloadContract: 'jineng.subsidy.v1.StartPolicySimulation',
      }),
    );
  }
}
