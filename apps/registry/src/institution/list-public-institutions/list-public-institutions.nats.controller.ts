import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ListPublicInstitutionsHandler } from './list-public-institutions.handler';

@Controller()
export class ListPublicInstitutionsNatsController {
  constructor(private readonly handler: ListPublicInstitutionsHandler) {}

  @MessagePattern(querySubject('ListPublicInstitutions'))
  list(@Payload() data: unknown) {
    return this.handler.list(registryRequest(data, 'ListPublicInstitutions'));
  }

  @MessagePattern(querySubject('ExportPublicInstitutions'))
  export(@Payload() data: unknown) {
    return this.handler.export(registryRequest(data, 'ExportPublicInstitutions'));
  }
}
