import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { certificationRequest, commandSubject } from '../../shared/rpc';
import { RecordResultsSheetHandler } from './record-results-sheet.handler';

@Controller()
export class RecordResultsSheetNatsController {
  constructor(private readonly handler: RecordResultsSheetHandler) {}

  @MessagePattern(commandSubject('RecordResultsSheet'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(certificationRequest(data, 'RecordResultsSheet'));
  }
}
