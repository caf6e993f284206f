import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { RecordPayeeAccountHandler } from './record-payee-account.handler';

@Controller()
export class RecordPayeeAccountNatsController {
  constructor(private readonly handler: RecordPayeeAccountHandler) {}

  @MessagePattern(commandSubject('RecordPayeeAccount'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'RecordPayeeAccount'));
  }
}
