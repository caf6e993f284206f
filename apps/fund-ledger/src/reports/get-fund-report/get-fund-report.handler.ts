// GetFundReport / ExportFundReport: a jurisdiction's fund report for a year by month, quarter (the
// quarterly roll-up) or year (the yearly one), as JSON or as a file (.xlsx with titles in Chinese and
// English, or JSON) through libs/lists. For finance, auditors and administrators of the jurisdiction.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineList, exportList, type ExportFormat } from '@jineng/lists';
import { JurisdictionCode } from '@jineng/kernel';
import type { FileReply, FileStore, Principal, RpcRequest } from '@jineng/messaging';
import { FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { OutsideJurisdiction } from '../../funds/domain/funds.decide';
import { LedgerReaderRequired } from '../../ledger/domain/ledger-access';
import { fundReport, type ReportPeriod } from '../domain/fund-report';
import { FundReportQuery } from './fund-report.query';

const money = (zh: string, en: string) => ({ sql: '', title: { zh: `${zh}（分）`, en: `${en} (fen)` } });

/** The report's columns as an export shows them (the rows come from fundReport, not from a table). */
export const fundReportColumns = defineList({
  table: 'fund_report',
  columns: {
    period: { sql: 'period', title: { zh: '期间', en: 'Period' }, sortable: true },
    fundSource: { sql: 'fund_source', title: { zh: '资金来源', en: 'Fund source' } },
    receivedFen: money('到账', 'Received'),
    earmarkedFen: money('预留', 'Earmarked'),
    committedFen: money('承诺', 'Committed'),
    paidFen: money('支付', 'Paid'),
    returnedFen: money('追回', 'Returned'),
    releasedFen: money('释放', 'Released'),
    availableEndFen: money('期末可用余额', 'Available at period end'),
    earmarkedEndFen: money('期末预留余额', 'Earmarked at period end'),
  },
  filters: {},
  defaultSort: 'period',
  tiebreak: 'fundSource',
  maxPageSize: 500,
});

@Injectable()
export class GetFundReportHandler {
  constructor(
    private readonly query: FundReportQuery,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<fundLedgerV1.GetFundReport>): Promise<fundLedgerV1.FundReport> {
    return this.report(envelope.principal, payload);
  }

  async export({ envelope, payload }: RpcRequest<fundLedgerV1.ExportFundReport>): Promise<FileReply> {
    const report = await this.report(envelope.principal, payload);
    const file = exportList(
      fundReportColumns,
      (async function* () {
        yield report.rows.map((row) => ({ ...row }));
      })(),
      {
        format: payload.format as ExportFormat,
        baseName: `fund-report-${payload.jurisdictionCode}-${payload.year}-${payload.period}`,
        sheetName: '资金报表',
      },
    );
    return this.files.put(file);
  }

  private async report(
    principal: Principal,
    payload: fundLedgerV1.GetFundReport,
  ): Promise<fundLedgerV1.FundReport> {
    LedgerReaderRequired.assert(principal.roles);
    const actor = JurisdictionCode.parse(principal.jurisdiction);
    const target = JurisdictionCode.parse(payload.jurisdictionCode);
    if (!actor.ok || !target.ok || !target.value.isWithin(actor.value)) {
      throw new OutsideJurisdiction({
        actorJurisdiction: principal.jurisdiction,
        jurisdictionCode: payload.jurisdictionCode,
      });
    }
    const period = payload.period as ReportPeriod;
    const aggregates = await this.query.aggregates(payload.jurisdictionCode, payload.year, period);
    const { rows, byKind } = fundReport(payload.year, period, aggregates);
    return { jurisdictionCode: payload.jurisdictionCode, year: payload.year, period, rows, byKind };
  }
}
