import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { ApproveClassHandler } from './approve-class.handler';

@Controller()
export class ApproveClassNatsController {
  constructor(private readonly handler: ApproveClassHandler) {}

  @MessagePattern(commandSubject('ApproveClass'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'ApproveClass'));
  }
}
