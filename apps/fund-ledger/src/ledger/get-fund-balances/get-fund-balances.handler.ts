// GetFundBalances: a jurisdiction's balances per fund source, as the ledger has them now.
import type { fundLedgerV1 } from '@jineng/contracts';
import { JurisdictionCode } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { OutsideJurisdiction } from '../../funds/domain/funds.decide';
import { parseAccount } from '../domain/accounts';
import { LedgerReaderRequired } from '../domain/ledger-access';
import { LedgerBook } from '../ledger-book';

const FIELD = {
  fund: 'availableFen',
  earmark: 'earmarkedFen',
  committed: 'committedFen',
  payable: 'payableFen',
  expense: 'expenseFen',
} as const;

@Injectable()
export class GetFundBalancesHandler {
  constructor(private readonly book: LedgerBook) {}

  async handle(request: RpcRequest<fundLedgerV1.GetFundBalances>): Promise<fundLedgerV1.FundBalances> {
    const { principal } = request.envelope;
    const { jurisdictionCode } = request.payload;
    LedgerReaderRequired.assert(principal.roles);
    const actor = JurisdictionCode.parse(principal.jurisdiction);
    const target = JurisdictionCode.parse(jurisdictionCode);
    if (!actor.ok || !target.ok || !target.value.isWithin(actor.value)) {
      throw new OutsideJurisdiction({ actorJurisdiction: principal.jurisdiction, jurisdictionCode });
    }
    const bySource = new Map<string, fundLedgerV1.FundBalance>();
    for (const kind of Object.keys(FIELD) as (keyof typeof FIELD)[]) {
      for (const [account, balance] of await this.book.balancesByPrefix(`${kind}:${jurisdictionCode}:`)) {
        const source = parseAccount(account).source!;
        const row = bySource.get(source) ?? {
          fundSource: source,
          availableFen: 0,
          earmarkedFen: 0,
          committedFen: 0,
          payableFen: 0,
          expenseFen: 0,
        };
        bySource.set(source, { ...row, [FIELD[kind]]: row[FIELD[kind]] + balance });
      }
    }
    return {
      jurisdictionCode,
      sources: [...bySource.values()].sort((a, b) => a.fundSource.localeCompare(b.fundSource)),
    };
  }
}
