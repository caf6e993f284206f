import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ListWorkersHandler } from './list-workers.handler';

@Controller()
export class ListWorkersNatsController {
  constructor(private readonly handler: ListWorkersHandler) {}

  @MessagePattern(querySubject('ListWorkers'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ListWorkers'));
  }
}
