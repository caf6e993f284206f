import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RevealWorkerPersonalDataHandler } from './reveal-worker-personal-data.handler';

@Controller()
export class RevealWorkerPersonalDataNatsController {
  constructor(private readonly handler: RevealWorkerPersonalDataHandler) {}

  @MessagePattern(commandSubject('RevealWorkerPersonalData'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RevealWorkerPersonalData'));
  }
}
