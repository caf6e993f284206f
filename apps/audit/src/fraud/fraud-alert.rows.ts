// The `fraud_alerts` row of an alert, kept with its events in the command's transaction.
import type { CommittedEvent } from '@jineng/ddd';
import type { PoolClient } from 'pg';
import type { FraudAlertEvent } from './domain/fraud-alert.decide';

export async function applyAlertEvents(
  tx: PoolClient,
  S: string,
  events: readonly CommittedEvent<FraudAlertEvent>[],
  version: number,
  at: string,
): Promise<void> {
  for (const committed of events) {
    const event = { type: committed.type, data: committed.data } as FraudAlertEvent;
    switch (event.type) {
      case 'FraudAlertRaised.v1': {
        const d = event.data;
        const entityIds = [
          ...new Set([
            ...d.workerIds,
            ...d.classIds,
            ...d.institutionIds,
            ...d.claimIds,
            ...d.deviceIds,
            ...d.payeeIds,
          ]),
        ];
        await tx.query(
          `insert into ${S}.fraud_alerts (alert_id, rule_id, rule_version, status, jurisdiction, summary_zh, summary_en,
             figures, evidence_event_ids, entity_ids, raised_at, updated_at, version)
           values ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $10, $11)`,
          [
            d.alertId,
            d.ruleId,
            d.ruleVersion,
            d.jurisdictionCode,
            d.summaryZh,
            d.summaryEn,
            JSON.stringify(d.figures),
            JSON.stringify(d.evidenceEventIds),
            JSON.stringify(entityIds),
            at,
            version,
          ],
        );
        break;
      }
      case 'FraudAlertInvestigationStarted.v1':
        await tx.query(
          `update ${S}.fraud_alerts set status = 'investigating', updated_at = $2, decided_by = $3, version = $4 where alert_id = $1`,
          [event.data.alertId, at, event.data.startedBy, version],
        );
        break;
      case 'FraudAlertConfirmed.v1':
        await tx.query(
          `update ${S}.fraud_alerts set status = 'confirmed', updated_at = $2, decided_by = $3, reason = $4, actions = $5,
             version = $6 where alert_id = $1`,
          [
            event.data.alertId,
            at,
            event.data.confirmedBy,
            event.data.reason,
            JSON.stringify(event.data.actions),
            version,
          ],
        );
        break;
      case 'FraudAlertDismissed.v1':
        await tx.query(
          `update ${S}.fraud_alerts set status = 'dismissed', updated_at = $2, decided_by = $3, reason = $4, version = $5
            where alert_id = $1`,
          [event.data.alertId, at, event.data.dismissedBy, event.data.reason, version],
        );
        break;
    }
  }
}
