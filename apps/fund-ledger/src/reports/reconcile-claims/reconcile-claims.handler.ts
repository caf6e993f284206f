// ReconcileClaims: the approved claims the ledger heard of against its commitments (payables) and
// settled payments, within a jurisdiction and those below it — folded by reconcileClaims
// (../domain/claims-reconciliation.ts). For finance, auditors and administrators of the jurisdiction.
import type { fundLedgerV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import { JurisdictionCode } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { OutsideJurisdiction } from '../../funds/domain/funds.decide';
import { LedgerReaderRequired } from '../../ledger/domain/ledger-access';
import { jurisdictionPrefix } from '../../payment/domain/bank-files';
import { reconcileClaims } from '../domain/claims-reconciliation';

@Injectable()
export class ReconcileClaimsHandler {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async handle({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.ReconcileClaims>): Promise<fundLedgerV1.ClaimsReconciliation> {
    const { principal } = envelope;
    const { jurisdictionCode } = payload;
    LedgerReaderRequired.assert(principal.roles);
    const actor = JurisdictionCode.parse(principal.jurisdiction);
    const target = JurisdictionCode.parse(jurisdictionCode);
    if (!actor.ok || !target.ok || !target.value.isWithin(actor.value))
      throw new OutsideJurisdiction({ actorJurisdiction: principal.jurisdiction, jurisdictionCode });
    const S = this.S;
    const { rows } = await this.pool.query<{
      claim_id: string;
      jurisdiction_code: string;
      fund_source: string;
      approved_fen: string | null;
      committed_fen: string | null;
      settled: number;
    }>(
      `select coalesce(a.claim_id, p.claim_id) as claim_id,
              coalesce(a.jurisdiction_code, p.jurisdiction_code) as jurisdiction_code,
              coalesce(a.fund_source, p.fund_source) as fund_source,
              a.amount_fen as approved_fen, p.amount_fen as committed_fen,
              (select count(*)::int from ${S}.payments m where m.claim_id = coalesce(a.claim_id, p.claim_id)
                 and m.status = 'settled') as settled
       from ${S}.approved_claims a full join ${S}.payables p on p.claim_id = a.claim_id
       where starts_with(coalesce(a.jurisdiction_code, p.jurisdiction_code), $1)`,
      [jurisdictionPrefix(jurisdictionCode)],
    );
    const result = reconcileClaims(
      rows.map((r) => ({
        claimId: r.claim_id,
        jurisdictionCode: r.jurisdiction_code,
        fundSource: r.fund_source,
        ...(r.approved_fen !== null ? { approvedFen: Number(r.approved_fen) } : {}),
        ...(r.committed_fen !== null ? { committedFen: Number(r.committed_fen) } : {}),
        settledPayments: r.settled,
      })),
    );
    return { jurisdictionCode, ...result };
  }
}
