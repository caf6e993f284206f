import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { CompleteClassHandler } from './complete-class.handler';

@Controller()
export class CompleteClassNatsController {
  constructor(private readonly handler: CompleteClassHandler) {}

  @MessagePattern(commandSubject('CompleteClass'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'CompleteClass'));
  }
}
