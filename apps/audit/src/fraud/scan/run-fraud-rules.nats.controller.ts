// jineng.cmd.audit.RunFraudRules: an auditor runs every rule now (the schedule runs them anyway). The run
// is a job (libs/service-runtime JobTracker): the reply is its id at once, GetJob
// (GET /api/v1/audit/jobs/:jobId) its progress — the copy read, each rule, each alert raised — and at
// the end the scan's result (findings, raised, per rule). The job id is the command id: a retried
// request finds its job instead of starting another.
import type { commonV1 } from '@jineng/contracts';
import { JobTracker } from '@jineng/service-runtime';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { auditScope } from '../../access/access-control';
import { auditRequest, commandSubject } from '../../shared/rpc';
import { FraudScanner } from './fraud-scanner';

export const FRAUD_SCAN_JOB = 'fraud-scan';

@Controller()
export class RunFraudRulesNatsController {
  constructor(
    private readonly scanner: FraudScanner,
    private readonly jobs: JobTracker,
  ) {}

  @MessagePattern(commandSubject('RunFraudRules'))
  async handle(@Payload() data: unknown): Promise<commonV1.JobAccepted> {
    const { envelope } = auditRequest(data, 'RunFraudRules');
    auditScope(envelope.principal, undefined);
    const { jobId, created } = await this.jobs.create({
      ...(envelope.commandId ? { jobId: envelope.commandId } : {}),
      kind: FRAUD_SCAN_JOB,
      requestedBy: envelope.principal,
    });
    if (created) this.jobs.run(jobId, async (progress) => ({ ...(await this.scanner.scan(progress)) }));
    return { jobId };
  }
}
