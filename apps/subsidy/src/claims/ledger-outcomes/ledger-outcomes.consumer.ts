// Wires the ledger's process manager: a durable consumer of the fund ledger's events that runs the
// commands of `onLedgerEvent` on the claim, caused by the event (a redelivery records nothing new).
import { eventFilter, type IntegrationEvent } from '@jineng/messaging';
import { CommandRunner, ServiceLifecycle, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CLAIMS_ACTOR } from '../claims-actor';
import { claimDecider, ClaimNotFound, claimStreamId } from '../domain/claim';
import { projectClaimEvents } from '../read-model/claims.projection';
import { onLedgerEvent } from './on-ledger-event';

export const CLAIM_PAYMENTS_CONSUMER = 'subsidy-claim-payments';

@Injectable()
export class LedgerOutcomesConsumer implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: CLAIM_PAYMENTS_CONSUMER,
      filterSubjects: [eventFilter('fund-ledger')],
      handle: (event) => this.handle(event),
    });
  }

  async handle(event: IntegrationEvent): Promise<void> {
    for (const command of onLedgerEvent(event.type, event.data)) {
      const { claimId } = command.data;
      await this.commands.runCaused(
        {
          id: event.id,
          ...(typeof event.metadata.correlationId === 'string'
            ? { correlationId: event.metadata.correlationId }
            : {}),
        },
        {
          actor: CLAIMS_ACTOR,
          jurisdiction: await this.jurisdictionOf(claimId),
        },
        {
          decider: claimDecider,
          streamId: claimStreamId(claimId),
          command,
          withEvents: (tx, r) => projectClaimEvents(tx, this.config.schema, claimId, r.events),
        },
      );
    }
  }

  /** The claim's jurisdiction (its events belong there); a claim unknown here fails, retried, then dead-lettered. */
  private async jurisdictionOf(claimId: string): Promise<string> {
    const state = await this.commands.load(claimDecider, claimStreamId(claimId));
    if (state.status === 'none') throw new ClaimNotFound({ claimId });
    return state.submitted.jurisdictionCode;
  }
}
