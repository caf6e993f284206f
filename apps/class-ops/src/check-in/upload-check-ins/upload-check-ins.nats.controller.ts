import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { classOpsRequest, commandSubject } from '../../shared/rpc';
import { UploadCheckInsHandler } from './upload-check-ins.handler';

@Controller()
export class UploadCheckInsNatsController {
  constructor(private readonly handler: UploadCheckInsHandler) {}

  @MessagePattern(commandSubject('UploadCheckIns'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(classOpsRequest(data, 'UploadCheckIns'));
  }
}
