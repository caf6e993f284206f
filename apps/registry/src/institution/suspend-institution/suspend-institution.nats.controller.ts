import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { SuspendInstitutionHandler } from './suspend-institution.handler';

@Controller()
export class SuspendInstitutionNatsController {
  constructor(private readonly handler: SuspendInstitutionHandler) {}

  @MessagePattern(commandSubject('SuspendInstitution'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'SuspendInstitution'));
  }
}
