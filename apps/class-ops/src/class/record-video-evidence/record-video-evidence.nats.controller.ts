import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { RecordVideoEvidenceHandler } from './record-video-evidence.handler';

@Controller()
export class RecordVideoEvidenceNatsController {
  constructor(private readonly handler: RecordVideoEvidenceHandler) {}

  @MessagePattern(commandSubject('RecordVideoEvidence'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'RecordVideoEvidence'));
  }
}
