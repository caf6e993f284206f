// GetFundDisclosure / ExportFundDisclosure: the public fund-usage disclosure of a jurisdiction (and those
// below it) for a year by month, quarter or year. Public: the gateway forwards it as the anonymous
// principal (route `allowAnonymous`), so nothing of the principal is read; what it answers is sums per
// fund source and subsidy kind only (fundDisclosure), never a payee, claim or class.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineList, exportList, type ExportFormat } from '@jineng/lists';
import type { FileReply, FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { fundDisclosure } from '../domain/fund-disclosure';
import type { ReportPeriod } from '../domain/fund-report';
import { FundReportQuery } from '../get-fund-report/fund-report.query';

const money = (zh: string, en: string) => ({ sql: '', title: { zh: `${zh}（分）`, en: `${en} (fen)` } });

/** A total row per source names this subsidy kind; the rows per kind follow it. */
export const ALL_KINDS = 'all';

/** The disclosure's columns as an export shows them: per source (kind `all`), then per subsidy kind. */
export const fundDisclosureColumns = defineList({
  table: 'fund_disclosure',
  columns: {
    period: { sql: 'period', title: { zh: '期间', en: 'Period' }, sortable: true },
    fundSource: { sql: 'fund_source', title: { zh: '资金来源', en: 'Fund source' } },
    subsidyKind: {
      sql: 'subsidy_kind',
      title: { zh: '补贴类别（all 为合计）', en: 'Subsidy kind (all: total)' },
    },
    receivedFen: money('到账', 'Received'),
    committedFen: money('承诺', 'Committed'),
    paidFen: money('支付', 'Paid'),
    returnedFen: money('追回', 'Returned'),
  },
  filters: {},
  defaultSort: 'period',
  tiebreak: 'fundSource',
  maxPageSize: 500,
});

@Injectable()
export class GetFundDisclosureHandler {
  constructor(
    private readonly query: FundReportQuery,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({
    payload,
  }: RpcRequest<fundLedgerV1.GetFundDisclosure>): Promise<fundLedgerV1.FundDisclosure> {
    return this.disclosure(payload);
  }

  async export({ payload }: RpcRequest<fundLedgerV1.ExportFundDisclosure>): Promise<FileReply> {
    const disclosure = await this.disclosure(payload);
    const rows = disclosure.rows.flatMap((row) => [
      { ...row, subsidyKind: ALL_KINDS },
      ...disclosure.byKind
        .filter((k) => k.period === row.period && k.fundSource === row.fundSource)
        .map((k) => ({ ...k, receivedFen: '', paidFen: '' })),
    ]);
    const file = exportList(
      fundDisclosureColumns,
      (async function* () {
        yield rows;
      })(),
      {
        format: payload.format as ExportFormat,
        baseName: `fund-disclosure-${payload.jurisdictionCode}-${payload.year}-${payload.period}`,
        sheetName: '资金使用公示',
      },
    );
    return this.files.put(file);
  }

  private async disclosure(payload: fundLedgerV1.GetFundDisclosure): Promise<fundLedgerV1.FundDisclosure> {
    const period = payload.period as ReportPeriod;
    const aggregates = await this.query.aggregates(payload.jurisdictionCode, payload.year, period);
    const { rows, byKind } = fundDisclosure(payload.year, period, aggregates);
    return { jurisdictionCode: payload.jurisdictionCode, year: payload.year, period, rows, byKind };
  }
}
