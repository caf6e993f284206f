import { answerEach, groupSubject } from '@jineng/messaging';
import { Controller, Logger } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { RecordCheckInHandler } from './record-check-in.handler';

@Controller()
export class RecordCheckInNatsController {
  private readonly logger = new Logger('Rpc');

  constructor(private readonly handler: RecordCheckInHandler) {}

  @MessagePattern(commandSubject('RecordCheckIn'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'RecordCheckIn'));
  }

  /** The check-ins the gateway sent together (ADR 0024): each judged and answered as if alone. */
  @MessagePattern(groupSubject(commandSubject('RecordCheckIn')))
  handleGroup(@Payload() data: unknown) {
    return answerEach(
      data,
      (request) => this.handler.handle(classOpsRequest(request, 'RecordCheckIn')),
      this.logger,
    );
  }
}
