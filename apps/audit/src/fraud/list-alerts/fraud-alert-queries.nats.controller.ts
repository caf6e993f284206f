// jineng.qry.audit.ListFraudAlerts / ExportFraudAlerts
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, querySubject } from '../../shared/rpc';
import { FraudAlertQueriesHandler } from './fraud-alert-queries.handler';

@Controller()
export class FraudAlertQueriesNatsController {
  constructor(private readonly handler: FraudAlertQueriesHandler) {}

  @MessagePattern(querySubject('ListFraudAlerts'))
  list(@Payload() data: unknown) {
    return this.handler.list(auditRequest(data, 'ListFraudAlerts'));
  }

  @MessagePattern(querySubject('ExportFraudAlerts'))
  export(@Payload() data: unknown) {
    return this.handler.export(auditRequest(data, 'ExportFraudAlerts'));
  }
}
