import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RecordEmploymentHandler } from './record-employment.handler';

@Controller()
export class RecordEmploymentNatsController {
  constructor(private readonly handler: RecordEmploymentHandler) {}

  @MessagePattern(commandSubject('RecordEmployment'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RecordEmployment'));
  }
}
