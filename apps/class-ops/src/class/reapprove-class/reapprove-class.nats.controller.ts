import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { ReapproveClassHandler } from './reapprove-class.handler';

@Controller()
export class ReapproveClassNatsController {
  constructor(private readonly handler: ReapproveClassHandler) {}

  @MessagePattern(commandSubject('ReapproveClass'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'ReapproveClass'));
  }
}
