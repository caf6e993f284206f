import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { DelistInstitutionHandler } from './delist-institution.handler';

@Controller()
export class DelistInstitutionNatsController {
  constructor(private readonly handler: DelistInstitutionHandler) {}

  @MessagePattern(commandSubject('DelistInstitution'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'DelistInstitution'));
  }
}
