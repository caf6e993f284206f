import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ExportWorkersHandler } from './export-workers.handler';

@Controller()
export class ExportWorkersNatsController {
  constructor(private readonly handler: ExportWorkersHandler) {}

  @MessagePattern(querySubject('ExportWorkers'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ExportWorkers'));
  }
}
