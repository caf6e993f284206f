import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { GetInstitutionHandler } from './get-institution.handler';

@Controller()
export class GetInstitutionNatsController {
  constructor(private readonly handler: GetInstitutionHandler) {}

  @MessagePattern(querySubject('GetInstitution'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'GetInstitution'));
  }
}
