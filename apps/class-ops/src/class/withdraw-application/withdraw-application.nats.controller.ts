import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { WithdrawApplicationHandler } from './withdraw-application.handler';

@Controller()
export class WithdrawApplicationNatsController {
  constructor(private readonly handler: WithdrawApplicationHandler) {}

  @MessagePattern(commandSubject('WithdrawApplication'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'WithdrawApplication'));
  }
}
