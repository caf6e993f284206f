import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { RecordInspectionHandler } from './record-inspection.handler';

@Controller()
export class RecordInspectionNatsController {
  constructor(private readonly handler: RecordInspectionHandler) {}

  @MessagePattern(commandSubject('RecordInspection'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'RecordInspection'));
  }
}
