import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { RecordResultsHandler } from './record-results.handler';

@Controller()
export class RecordResultsNatsController {
  constructor(private readonly handler: RecordResultsHandler) {}

  @MessagePattern(commandSubject('RecordResults'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'RecordResults'));
  }
}
