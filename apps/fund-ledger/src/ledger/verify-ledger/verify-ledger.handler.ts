// VerifyLedger (verifyLedger of issue 14): the book's own check, for finance, auditors and administrators.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { LedgerReaderRequired } from '../domain/ledger-access';
import { LedgerBook } from '../ledger-book';

@Injectable()
export class VerifyLedgerHandler {
  constructor(private readonly book: LedgerBook) {}

  async handle(request: RpcRequest<fundLedgerV1.VerifyLedger>): Promise<fundLedgerV1.LedgerVerification> {
    LedgerReaderRequired.assert(request.envelope.principal.roles);
    const v = await this.book.verify();
    return {
      ok: v.ok,
      transactions: v.transactions,
      postings: v.postings,
      trialBalanceFen: v.trialBalanceFen,
      problems: [
        ...v.unbalancedTransactions.map((t) => `transaction ${t.seq} sums to ${t.sumFen} fen`),
        ...v.balanceMismatches.map((m) => `${m.account}: balance ${m.balanceFen} ≠ fold ${m.foldFen}`),
        ...v.negativeBalances.map((n) => `${n.account}: ${n.naturalFen} below zero`),
        ...v.commitmentMismatches.map(
          (c) => `committed ${c.jurisdiction}/${c.source}: ${c.committedFen} ≠ expense ${c.expenseFen}`,
        ),
      ],
    };
  }
}
