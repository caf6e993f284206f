import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { GetWorkerHandler } from './get-worker.handler';

@Controller()
export class GetWorkerNatsController {
  constructor(private readonly handler: GetWorkerHandler) {}

  @MessagePattern(querySubject('GetWorker'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'GetWorker'));
  }
}
