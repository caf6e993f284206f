import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { RecordSatisfactionHandler } from './record-satisfaction.handler';

@Controller()
export class RecordSatisfactionNatsController {
  constructor(private readonly handler: RecordSatisfactionHandler) {}

  @MessagePattern(commandSubject('RecordSatisfaction'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'RecordSatisfaction'));
  }
}
