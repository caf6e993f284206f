import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { ApplyToOpenClassHandler } from './apply-to-open-class.handler';

@Controller()
export class ApplyToOpenClassNatsController {
  constructor(private readonly handler: ApplyToOpenClassHandler) {}

  @MessagePattern(commandSubject('ApplyToOpenClass'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'ApplyToOpenClass'));
  }
}
