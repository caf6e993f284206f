// CloseYear: a jurisdiction's source closes its year — expense accounts to zero against the year's
// commitments, what is left of the earmarks of classes that never claimed released to the source;
// every other balance is carried forward as it stands (the ledger has no opening entries to make:
// balances are the fold of all postings). Once per year.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { yearDecider, yearStreamId } from '../../payment/domain/payment.decide';
import { PaymentStore } from '../../payment/payment.store';
import { parseAccount } from '../domain/accounts';
import { closeYearPlan } from '../domain/ledger-plans';
import { LedgerBook } from '../ledger-book';
import { bookedOn, causeOf } from '../ledger-command';

@Injectable()
export class CloseYearHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly book: LedgerBook,
    private readonly payments: PaymentStore,
  ) {}

  async handle(request: RpcRequest<fundLedgerV1.CloseYear>): Promise<fundLedgerV1.YearCloseResult> {
    const { year, jurisdictionCode, fundSource } = request.payload;
    const expenses = [
      ...(await this.book.balancesByPrefix(`expense:${jurisdictionCode}:${fundSource}:`)).keys(),
    ];
    const claimed = await this.payments.claimedClasses(jurisdictionCode, fundSource);
    const earmarks = [...(await this.book.balancesByPrefix(`earmark:${jurisdictionCode}:${fundSource}:`))]
      .filter(([account, balance]) => balance > 0 && !claimed.has(parseAccount(account).detail!))
      .map(([account]) => account);
    let releasedFen = 0;
    let closedExpenseFen = 0;
    const result = await this.commands.run(request, {
      decider: yearDecider,
      streamId: yearStreamId(jurisdictionCode, fundSource, year),
      jurisdiction: jurisdictionCode,
      command: {
        type: 'CloseYear',
        data: { ...request.payload, actorJurisdiction: request.envelope.principal.jurisdiction },
      },
      withEvents: async (tx, recorded) => {
        const posted = await this.book.post(tx, {
          key: `close-year:${jurisdictionCode}:${fundSource}:${year}`,
          kind: 'close-year',
          content: { year, jurisdictionCode, fundSource },
          cause: causeOf(recorded, {}),
          bookedOn: bookedOn(recorded),
          plan: closeYearPlan(expenses, earmarks),
        });
        for (const { account, amountFen } of posted.postings) {
          const { kind } = parseAccount(account);
          if (kind === 'earmark') releasedFen += amountFen;
          if (kind === 'expense') closedExpenseFen -= amountFen;
        }
      },
    });
    return { ...result.state.closed!, releasedFen, closedExpenseFen, idempotent: result.idempotent };
  }
}
