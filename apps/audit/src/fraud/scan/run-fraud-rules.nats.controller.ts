// jineng.cmd.audit.RunFraudRules: an auditor runs every rule now (the schedule runs them anyway).
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditScope } from '../../access/access-control';
import { auditRequest, commandSubject } from '../../shared/rpc';
import { FraudScanner } from './fraud-scanner';

@Controller()
export class RunFraudRulesNatsController {
  constructor(private readonly scanner: FraudScanner) {}

  @MessagePattern(commandSubject('RunFraudRules'))
  handle(@Payload() data: unknown) {
    const { envelope } = auditRequest(data, 'RunFraudRules');
    auditScope(envelope.principal, undefined);
    return this.scanner.scan();
  }
}
