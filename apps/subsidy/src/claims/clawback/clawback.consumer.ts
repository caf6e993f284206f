// Wires the clawback: a durable consumer of certification's CertificateRevoked.v1 that finds the claims
// naming the certificate's holder for its class and runs `onCertificateRevoked`'s commands, caused by
// the event (one cause id per claim, derived from the event's id: a redelivery records nothing new).
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
import { onCertificateRevoked, recoveryIdFor } from './on-certificate-revoked';

export const CLAWBACKS_CONSUMER = 'subsidy-clawbacks';

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
  }

  async handle(event: IntegrationEvent): Promise<void> {
    const { rows } = await this.pool.query<{ claim_id: string; jurisdiction_code: string }>(
      `select t.claim_id, c.jurisdiction_code from "${this.config.schema}".claim_trainees t
         join "${this.config.schema}".claims c using (claim_id)
        where t.worker_id = $1 and t.class_id = $2 order by t.claim_id`,
      [String(event.data.workerId), String(event.data.classId)],
    );
    const where = new Map(rows.map((r) => [r.claim_id, r.jurisdiction_code]));
    for (const command of onCertificateRevoked(event.id, event.data, [...where.keys()])) {
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
