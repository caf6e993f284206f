// Wires the clawback: a durable consumer of certification's CertificateRevoked.v1 that finds the claims
// naming the certificate's holder for its class and runs `onCertificateRevoked`'s commands, and one of
// audit's FraudAlertConfirmed.v1 that runs `onFraudAlertConfirmed`'s on the named claims held here —
// each caused by the event (one cause id per claim, derived from the event's id: a redelivery records
// nothing new).
import { eventFilter, type IntegrationEvent } from '@jineng/messaging';
import {
  CommandRunner,
  PG_POOL,
  ServiceLifecycle,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { CLAIMS_ACTOR } from '../claims-actor';
import { claimDecider, claimStreamId, type RequestRecovery } from '../domain/claim';
import { projectClaimEvents } from '../read-model/claims.projection';
import { onCertificateRevoked, recoveryIdFor } from './on-certificate-revoked';
import { onFraudAlertConfirmed } from './on-fraud-alert-confirmed';

export const CLAWBACKS_CONSUMER = 'subsidy-clawbacks';
export const FRAUD_CLAWBACKS_CONSUMER = 'subsidy-fraud-clawbacks';

@Injectable()
export class ClawbackConsumer implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: CLAWBACKS_CONSUMER,
      filterSubjects: [eventFilter('certification', 'CertificateRevoked')],
      handle: (event) => this.handle(event),
    });
    this.lifecycle.consume({
      name: FRAUD_CLAWBACKS_CONSUMER,
      filterSubjects: [eventFilter('audit', 'FraudAlertConfirmed')],
      handle: (event) => this.handleFraud(event),
    });
  }

  async handleFraud(event: IntegrationEvent): Promise<void> {
    const named = Array.isArray(event.data.claimIds) ? event.data.claimIds.map(String) : [];
    const { rows } = await this.pool.query<{ claim_id: string; jurisdiction_code: string }>(
      `select claim_id, jurisdiction_code from "${this.config.schema}".claims
        where claim_id = any($1::text[]) order by claim_id`,
      [named],
    );
    const where = new Map(rows.map((r) => [r.claim_id, r.jurisdiction_code]));
    await this.run(event, where, onFraudAlertConfirmed(event.id, event.data, [...where.keys()]));
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const { rows } = await this.pool.query<{ claim_id: string; jurisdiction_code: string }>(
      `select t.claim_id, c.jurisdiction_code from "${this.config.schema}".claim_trainees t
         join "${this.config.schema}".claims c using (claim_id)
        where t.worker_id = $1 and t.class_id = $2 order by t.claim_id`,
      [String(event.data.workerId), String(event.data.classId)],
    );
    const where = new Map(rows.map((r) => [r.claim_id, r.jurisdiction_code]));
    await this.run(event, where, onCertificateRevoked(event.id, event.data, [...where.keys()]));
  }

  private async run(
    event: IntegrationEvent,
    where: ReadonlyMap<string, string>,
    commands: readonly Omit<RequestRecovery, 'metadata'>[],
  ): Promise<void> {
    for (const command of commands) {
      const { claimId } = command.data;
      await this.commands.runCaused(
        { id: recoveryIdFor(event.id, claimId), correlationId: event.id },
        { actor: CLAIMS_ACTOR, jurisdiction: where.get(claimId)! },
        {
          decider: claimDecider,
          streamId: claimStreamId(claimId),
          command,
          withEvents: (tx, r) => projectClaimEvents(tx, this.config.schema, claimId, r.events),
        },
      );
    }
  }
}
