import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { RecordCheckInHandler } from './record-check-in.handler';

@Controller()
export class RecordCheckInNatsController {
  constructor(private readonly handler: RecordCheckInHandler) {}

  @MessagePattern(commandSubject('RecordCheckIn'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'RecordCheckIn'));
  }
}
