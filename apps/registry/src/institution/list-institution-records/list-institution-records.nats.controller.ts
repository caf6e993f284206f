import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { ListInstitutionRecordsHandler } from './list-institution-records.handler';

@Controller()
export class ListInstitutionRecordsNatsController {
  constructor(private readonly handler: ListInstitutionRecordsHandler) {}

  @MessagePattern(querySubject('ListInstitutionRecords'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'ListInstitutionRecords'));
  }
}
