// jineng.cmd.audit.StartFraudInvestigation / ConfirmFraudAlert / DismissFraudAlert
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditRequest, commandSubject } from '../../shared/rpc';
import { TriageFraudAlertHandler } from './triage-fraud-alert.handler';

@Controller()
export class TriageFraudAlertNatsController {
  constructor(private readonly handler: TriageFraudAlertHandler) {}

  @MessagePattern(commandSubject('StartFraudInvestigation'))
  start(@Payload() data: unknown) {
    return this.handler.start(auditRequest(data, 'StartFraudInvestigation'));
  }

  @MessagePattern(commandSubject('ConfirmFraudAlert'))
  confirm(@Payload() data: unknown) {
    return this.handler.confirm(auditRequest(data, 'ConfirmFraudAlert'));
  }

  @MessagePattern(commandSubject('DismissFraudAlert'))
  dismiss(@Payload() data: unknown) {
    return this.handler.dismiss(auditRequest(data, 'DismissFraudAlert'));
  }
}
