// The postings of a jurisdiction (its code and those below it) summed by period, account kind, source,
// subsidy kind and transaction kind — what fundReport (../domain/fund-report.ts) folds.
import { quoteSchema } from '@jineng/event-store';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { jurisdictionPrefix } from '../../payment/domain/bank-files';
import type { PostingAggregate, ReportPeriod } from '../domain/fund-report';

const PERIOD_SQL: Record<ReportPeriod, string> = {
  month: `to_char(p.booked_on, 'YYYY-MM')`,
  quarter: `to_char(p.booked_on, 'YYYY') || '-Q' || extract(quarter from p.booked_on)::int`,
  year: `to_char(p.booked_on, 'YYYY')`,
};

@Injectable()
export class FundReportQuery {
  private readonly S: string;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async aggregates(
    jurisdictionCode: string,
    year: number,
    period: ReportPeriod,
  ): Promise<PostingAggregate[]> {
    const { rows } = await this.pool.query<{
      period: string;
      account_kind: string;
      fund_source: string;
      subsidy_kind: string | null;
      transaction_kind: string;
      debits: string;
      credits: string;
    }>(
      `select case when p.booked_on < make_date($2, 1, 1) then 'opening' else ${PERIOD_SQL[period]} end as period,
              split_part(p.account_id, ':', 1) as account_kind,
              split_part(p.account_id, ':', 3) as fund_source,
              case when p.account_id like 'expense:%' then split_part(p.account_id, ':', 4) end as subsidy_kind,
              t.kind as transaction_kind,
              sum(greatest(p.amount_fen, 0)) as debits,
              sum(greatest(-p.amount_fen, 0)) as credits
       from ${this.S}.ledger_postings p
       join ${this.S}.ledger_transactions t on t.seq = p.transaction_seq
       where p.account_id <> 'bank' and starts_with(split_part(p.account_id, ':', 2), $1)
         and p.booked_on < make_date($2 + 1, 1, 1)
       group by 1, 2, 3, 4, 5`,
      [jurisdictionPrefix(jurisdictionCode), year],
    );
    return rows.map((r) => ({
      period: r.period,
      accountKind: r.account_kind,
      fundSource: r.fund_source,
      ...(r.subsidy_kind ? { subsidyKind: r.subsidy_kind } : {}),
      transactionKind: r.transaction_kind,
      debitsFen: Number(r.debits),
      creditsFen: Number(r.credits),
    }));
  }
}
