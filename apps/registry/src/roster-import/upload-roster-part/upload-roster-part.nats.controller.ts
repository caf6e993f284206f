import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { UploadRosterPartHandler } from './upload-roster-part.handler';

@Controller()
export class UploadRosterPartNatsController {
  constructor(private readonly handler: UploadRosterPartHandler) {}

  @MessagePattern(commandSubject('UploadRosterPart'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'UploadRosterPart'));
  }
}
