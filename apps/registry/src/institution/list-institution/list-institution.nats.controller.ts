import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { commandSubject, registryRequest } from '../../shared/rpc';
import { ListInstitutionHandler } from './list-institution.handler';

@Controller()
export class ListInstitutionNatsController {
  constructor(private readonly handler: ListInstitutionHandler) {}

  @MessagePattern(commandSubject('ListInstitution'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ListInstitution'));
  }
}
