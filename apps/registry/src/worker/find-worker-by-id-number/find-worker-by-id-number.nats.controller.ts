import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { FindWorkerByIdNumberHandler } from './find-worker-by-id-number.handler';

@Controller()
export class FindWorkerByIdNumberNatsController {
  constructor(private readonly handler: FindWorkerByIdNumberHandler) {}

  @MessagePattern(querySubject('FindWorkerByIdNumber'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'FindWorkerByIdNumber'));
  }
}
