import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { RecordRectificationHandler } from './record-rectification.handler';

@Controller()
export class RecordRectificationNatsController {
  constructor(private readonly handler: RecordRectificationHandler) {}

  @MessagePattern(commandSubject('RecordRectification'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'RecordRectification'));
  }
}
