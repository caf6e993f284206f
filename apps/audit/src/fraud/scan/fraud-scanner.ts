// Runs every rule (domain/fraud-rules.ts) over the audit copy and raises an alert for each new finding:
// the facts are the copy's events of the types the rules read, folded in the order they were recorded;
// an alert's id follows from its rule, version and key, so a finding already raised is skipped and a
// scan that runs twice (replicas, a retry) raises nothing twice (the decider raises once per stream).
import type { auditV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import {
  CommandRunner,
  PG_POOL,
  SERVICE_CONFIG,
  type JobProgress,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { uuidV5 } from '@jineng/ddd';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { fraudAlertDecider, fraudAlertStreamId, type FraudAlertCommand } from '../domain/fraud-alert.decide';
import { FRAUD_RULE_EVENT_TYPES, fraudFactsOf, type CopiedEvent } from '../domain/fraud-facts';
import { alertIdOf, type FraudFinding } from '../domain/fraud-rule';
import { FRAUD_RULES } from '../domain/fraud-rules';
import { applyAlertEvents } from '../fraud-alert.rows';

const RAISE_NAMESPACE = '5d2c8e1f-7a3b-5c4d-9e8f-1a2b3c4d5e6f';
export const SYSTEM_AUDIT = { userId: 'system:audit', roles: ['system'] };

@Injectable()
export class FraudScanner {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly commands: CommandRunner,
  ) {
    this.S = quoteSchema(config.schema);
  }

  /**
   * `progress` (an auditor's run is a job): the copy read and each rule run are a step each, then each
   * new finding raised — the total grows once the rules have said how many findings are new.
   */
  async scan(progress?: JobProgress): Promise<auditV1.FraudScanResult> {
    let done = 0;
    let total = 1 + FRAUD_RULES.length;
    await progress?.report(done, total);
    const facts = fraudFactsOf(await this.copiedEvents());
    await progress?.report(++done, total);
    const perRule: { rule: (typeof FRAUD_RULES)[number]; findings: readonly FraudFinding[] }[] = [];
    for (const rule of FRAUD_RULES) {
      perRule.push({ rule, findings: rule.detect(facts) });
      await progress?.report(++done, total);
    }
    const findings = perRule.flatMap((r) => r.findings);
    const ids = findings.map(alertIdOf);
    const { rows } = await this.pool.query<{ alert_id: string }>(
      `select alert_id::text from ${this.S}.fraud_alerts where alert_id = any($1::uuid[])`,
      [ids],
    );
    const known = new Set(rows.map((row) => row.alert_id));
    const fresh = findings.filter((finding) => {
      const alertId = alertIdOf(finding);
      if (known.has(alertId)) return false;
      known.add(alertId);
      return true;
    });
    total += fresh.length;
    let raised = 0;
    for (const finding of fresh) {
      if (await this.raise(alertIdOf(finding), finding)) raised++;
      await progress?.report(++done, total);
    }
    return {
      findings: findings.length,
      raised,
      rules: perRule.map(({ rule, findings: f }) => ({
        ruleId: rule.id,
        version: rule.version,
        findings: f.length,
      })),
    };
  }

  private async raise(alertId: string, finding: FraudFinding): Promise<boolean> {
    const command: Omit<Extract<FraudAlertCommand, { type: 'RaiseFraudAlert' }>, 'metadata'> = {
      type: 'RaiseFraudAlert',
      data: {
        alertId,
        ruleId: finding.ruleId,
        ruleVersion: finding.ruleVersion,
        jurisdictionCode: finding.jurisdictionCode,
        summaryZh: finding.summary.zh,
        summaryEn: finding.summary.en,
        figures: finding.figures,
        evidenceEventIds: [...new Set(finding.evidenceEventIds)],
        workerIds: [...(finding.workerIds ?? [])],
        classIds: [...(finding.classIds ?? [])],
        institutionIds: [...(finding.institutionIds ?? [])],
        claimIds: [...(finding.claimIds ?? [])],
        deviceIds: [...(finding.deviceIds ?? [])],
        payeeIds: [...(finding.payeeIds ?? [])],
      },
    };
    const result = await this.commands.runAsSystem(
      {
        actor: SYSTEM_AUDIT,
        jurisdiction: finding.jurisdictionCode,
        commandId: uuidV5(RAISE_NAMESPACE, alertId),
        correlationId: alertId,
      },
      {
        decider: fraudAlertDecider,
        streamId: fraudAlertStreamId(alertId),
        command,
        withEvents: (tx, r) =>
          applyAlertEvents(
            tx,
            this.S,
            r.events,
            r.nextExpectedVersion,
            r.events[0]?.metadata.occurredAt ?? new Date().toISOString(),
          ),
      },
    );
    return !result.idempotent && result.events.length > 0;
  }

  private async copiedEvents(): Promise<CopiedEvent[]> {
    const { rows } = await this.pool.query<{
      event_id: string;
      type: string;
      data: Record<string, unknown>;
      recorded_ms: string;
      jurisdiction: string;
    }>(
      `select event_id::text, type, data, (extract(epoch from recorded_at) * 1000)::bigint::text as recorded_ms, jurisdiction
         from ${this.S}.audit_events where type = any($1::text[])
        order by recorded_at, audit_position`,
      [[...FRAUD_RULE_EVENT_TYPES]],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      type: row.type,
      data: row.data,
      recordedAtMillis: Number(row.recorded_ms),
      jurisdiction: row.jurisdiction,
    }));
  }
}
