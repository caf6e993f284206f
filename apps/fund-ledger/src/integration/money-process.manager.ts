// The money process on the bus: subsidy's ClaimSubmitted.v1 kept as a local read model (a claim's kind,
// for approvals recorded before ClaimApproved.v1 carried it), and the `fund-ledger-money` durable consumer that turns ClassSubsidyEstimated.v1 and ClaimApproved.v1
// into ledger commands (moneyCommandsFor) run with `runCaused` as the service itself. A command's own
// transaction commits its events and postings; the consumer's inbox makes a redelivered event a no-op,
// and the command id derived from the event makes a repeat answer the first result anyway.
import { defineLocalReadModel, eventFilter, type IntegrationEvent } from '@jineng/messaging';
import { SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { CommitForClaimHandler } from '../commitment/commit-for-claim/commit-for-claim.handler';
import { EarmarkForClassHandler } from '../earmark/earmark-for-class/earmark-for-class.handler';
import { quoteSchema } from '@jineng/event-store';
import { ReversePaymentHandler } from '../payment/reverse-payment/reverse-payment.handler';
import { moneyCommandsFor, type ConsumedEvent } from './domain/money-process';

export const MONEY_CONSUMER = 'fund-ledger-money';
export const CLAIMS_READ_MODEL = 'fund-ledger-claims';
const SYSTEM_ACTOR = { userId: 'system:fund-ledger', roles: ['system'] };

@Injectable()
export class MoneyProcessManager implements OnModuleInit {
  private readonly S: string;

  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
    private readonly earmarks: EarmarkForClassHandler,
    private readonly commitments: CommitForClaimHandler,
    private readonly recoveries: ReversePaymentHandler,
  ) {
    this.S = quoteSchema(config.schema);
  }

  onModuleInit(): void {
    this.lifecycle.readModel(
      defineLocalReadModel({
        name: CLAIMS_READ_MODEL,
        from: {
          subsidy: {
            'ClaimSubmitted.v1': async (event, tx) => {
              const { claimId, kind, claimantKind, jurisdictionCode } = event.data as Record<string, string>;
              await tx.query(
                `insert into ${this.S}.claim_kinds (claim_id, kind, claimant_kind, jurisdiction_code)
                 values ($1, $2, $3, $4)
                 on conflict (claim_id) do update set kind = excluded.kind, claimant_kind = excluded.claimant_kind,
                   jurisdiction_code = excluded.jurisdiction_code`,
                [claimId, kind, claimantKind, jurisdictionCode],
              );
            },
            // what ReconcileClaims holds the ledger against (the commitment itself is the consumer's)
            'ClaimApproved.v1': async (event, tx) => {
              const { claimId, jurisdictionCode, fundSource, amountFen } = event.data as Record<
                string,
                unknown
              >;
              if (
                typeof claimId !== 'string' ||
                typeof jurisdictionCode !== 'string' ||
                typeof fundSource !== 'string' ||
                !Number.isInteger(amountFen)
              )
                throw new TypeError(
                  `ClaimApproved.v1 without claimId, jurisdictionCode, fundSource or amountFen`,
                );
              await tx.query(
                `insert into ${this.S}.approved_claims (claim_id, jurisdiction_code, fund_source, amount_fen)
                 values ($1, $2, $3, $4) on conflict (claim_id) do nothing`,
                [claimId, jurisdictionCode, fundSource, amountFen],
              );
            },
          },
        },
      }),
    );
    this.lifecycle.consume({
      name: MONEY_CONSUMER,
      filterSubjects: [eventFilter('subsidy')],
      backoffMs: [500, 2_000, 10_000, 60_000],
      maxAttempts: 8,
      handle: (event, tx) => this.handle(event, tx),
    });
  }

  async handle(event: IntegrationEvent, tx: PoolClient): Promise<void> {
    const consumed: ConsumedEvent = { type: event.type, data: event.data };
    // an approval recorded before it carried the claim's kind: the kind from the submission's copy
    const claimKind =
      event.type === 'ClaimApproved.v1' && event.data['kind'] === undefined
        ? await this.claimKind(tx, String(event.data['claimId']))
        : undefined;
    const cause = {
      id: event.id,
      correlationId:
        typeof event.metadata['correlationId'] === 'string' ? event.metadata['correlationId'] : event.id,
    };
    for (const command of moneyCommandsFor(consumed, claimKind === undefined ? {} : { claimKind })) {
      if (command.type === 'ReversePayment') {
        await this.recoveries.handleCaused(cause, { actor: SYSTEM_ACTOR }, command.data);
        continue;
      }
      const origin = { actor: SYSTEM_ACTOR, jurisdiction: command.data.jurisdictionCode };
      if (command.type === 'EarmarkForClass') await this.earmarks.handleCaused(cause, origin, command.data);
      else await this.commitments.handleCaused(cause, origin, command.data);
    }
  }

  private async claimKind(tx: PoolClient, claimId: string): Promise<string | undefined> {
    const { rows } = await tx.query<{ kind: string }>(
      `select kind from ${this.S}.claim_kinds where claim_id = $1`,
      [claimId],
    );
    return rows[0]?.kind;
  }
}
