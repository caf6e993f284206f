import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { StartWorkerExportHandler } from './start-worker-export.handler';

@Controller()
export class StartWorkerExportNatsController {
  constructor(private readonly handler: StartWorkerExportHandler) {}

  @MessagePattern(commandSubject('StartWorkerExport'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'StartWorkerExport'));
  }
}
