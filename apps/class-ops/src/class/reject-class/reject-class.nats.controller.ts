import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { RejectClassHandler } from './reject-class.handler';

@Controller()
export class RejectClassNatsController {
  constructor(private readonly handler: RejectClassHandler) {}

  @MessagePattern(commandSubject('RejectClass'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'RejectClass'));
  }
}
