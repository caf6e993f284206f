// jineng.qry.subsidy.ListWorkerSubsidies
import type { subsidyV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListWorkerSubsidiesHandler } from './list-worker-subsidies.handler';

@Controller()
export class ListWorkerSubsidiesNatsController {
  constructor(private readonly handler: ListWorkerSubsidiesHandler) {}

  @MessagePattern(rpcSubject({ kind: 'query', service: 'subsidy', name: 'ListWorkerSubsidies' }))
  list(@Payload() data: unknown): Promise<subsidyV1.WorkerSubsidies> {
    return this.handler.list(
      parseRpcRequest<subsidyV1.ListWorkerSubsidies>(data, {
        payloadContract: 'jineng.subsidy.v1.ListWorkerSubsidies',
      }),
    );
  }
}
