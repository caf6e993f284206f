import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { AmendRosterHandler } from './amend-roster.handler';

@Controller()
export class AmendRosterNatsController {
  constructor(private readonly handler: AmendRosterHandler) {}

  @MessagePattern(commandSubject('AmendRoster'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'AmendRoster'));
  }
}
