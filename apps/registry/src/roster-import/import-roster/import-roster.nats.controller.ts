import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { ImportRosterHandler } from './import-roster.handler';

@Controller()
export class ImportRosterNatsController {
  constructor(private readonly handler: ImportRosterHandler) {}

  @MessagePattern(commandSubject('ImportRoster'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ImportRoster'));
  }
}
