import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { querySubject, registryRequest } from '../../shared/rpc';
import { GetRosterImportReportHandler } from './get-roster-import-report.handler';

@Controller()
export class GetRosterImportReportNatsController {
  constructor(private readonly handler: GetRosterImportReportHandler) {}

  @MessagePattern(querySubject('GetRosterImportReport'))
  handle(@Payload() data: unknown) {
    return this.handler.handle(registryRequest(data, 'GetRosterImportReport'));
  }
}
