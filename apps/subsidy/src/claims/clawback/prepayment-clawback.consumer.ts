// A class that never completes returns its prepayment: a durable consumer of class-ops' ClassCancelled.v1
// (e.g. WITHDRAWN, OPENING_DAY_PRESENCE) that asks back all that is left of each paid prepayment claim of
// the class (`onPrepaidClassCancelled`), caused by the event: a redelivery records nothing new.
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
import { claimDecider, claimStreamId } from '../domain/claim';
import { projectClaimEvents } from '../read-model/claims.projection';
import { onPrepaidClassCancelled } from './on-certificate-revoked';

export const PREPAYMENT_CLAWBACKS_CONSUMER = 'subsidy-prepayment-clawbacks';

@Injectable()
export class PrepaymentClawbackConsumer implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: PREPAYMENT_CLAWBACKS_CONSUMER,
      filterSubjects: [eventFilter('class-ops', 'ClassCancelled')],
      handle: (event) => this.handle(event),
    });
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const { rows } = await this.pool.query<{ claim_id: string; jurisdiction_code: string }>(
      `select claim_id, jurisdiction_code from "${this.config.schema}".claims
        where class_id = $1 and tranche = 'prepayment' and status = 'paid' order by claim_id`,
      [String(event.data.classId)],
    );
    for (const row of rows) {
      const command = onPrepaidClassCancelled(event.id, event.data, row.claim_id);
      await this.commands.runCaused(
        { id: command.data.recoveryId, correlationId: event.id },
        { actor: CLAIMS_ACTOR, jurisdiction: row.jurisdiction_code },
        {
          decider: claimDecider,
          streamId: claimStreamId(row.claim_id),
          command,
          withEvents: (tx, r) => projectClaimEvents(tx, this.config.schema, row.claim_id, r.events),
        },
      );
    }
  }
}
