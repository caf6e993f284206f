// GetFundReport / ExportFundReport: a jurisdiction's report for a year by month, quarter (the quarterly
// roll-up) or year (the yearly one) — the money per fund source and subsidy kind; the counts of
// trainings, certificates and employment per jurisdiction; progress against the published targets (per
// line, programme and assignee) and their constraints; by month the day the month's report is due — as JSON or as a file (.xlsx with a
// sheet per section, titles in Chinese and English, or JSON) through libs/lists. For finance, auditors
// and administrators of the jurisdiction.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineList, exportSections, type ExportFormat, type ListRow } from '@jineng/lists';
import { JurisdictionCode } from '@jineng/kernel';
import type { FileReply, FileStore, Principal, RpcRequest } from '@jineng/messaging';
import { FILE_STORE } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { OutsideJurisdiction } from '../../funds/domain/funds.decide';
import { LedgerReaderRequired } from '../../ledger/domain/ledger-access';
import { activityReport } from '../domain/activity-report';
import { fundReport, periodsOf, type ReportPeriod } from '../domain/fund-report';
import { monthlyReportDueOn, targetProgress, yearsToMeasure } from '../domain/target-progress';
import { ActivityReportQuery } from './activity-report.query';
import { FundReportQuery } from './fund-report.query';

const money = (zh: string, en: string) => ({ sql: '', title: { zh: `${zh}（分）`, en: `${en} (fen)` } });
const column = (zh: string, en: string) => ({ sql: '', title: { zh, en } });
const period = { sql: 'period', title: { zh: '期间', en: 'Period' }, sortable: true };
const jurisdiction = column('行政区划', 'Jurisdiction');
/** A section's columns (its rows come from the report, already in order: the first column sorts). */
const section = <C extends string>(
  table: string,
  columns: Record<C, { sql: string; title: { zh: string; en: string } }>,
) =>
  defineList({
    table,
    columns: Object.fromEntries(
      Object.entries(columns).map(([key, c], i) => [key, i === 0 ? { ...(c as object), sortable: true } : c]),
    ) as typeof columns,
    filters: {},
    defaultSort: Object.keys(columns)[0] as C,
    tiebreak: Object.keys(columns)[1] as C,
    maxPageSize: 500,
  });

/** The report's columns as an export shows them (the rows come from fundReport, not from a table). */
export const fundReportColumns = defineList({
  table: 'fund_report',
  columns: {
    period,
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

export const fundReportKindColumns = section('fund_report_kinds', {
  period,
  fundSource: column('资金来源', 'Fund source'),
  subsidyKind: column('补贴类别', 'Subsidy kind'),
  committedFen: money('承诺', 'Committed'),
  returnedFen: money('追回', 'Returned'),
});

export const activityColumns = section('report_activity', {
  period,
  jurisdictionCode: jurisdiction,
  classesCompleted: column('结业班次', 'Classes completed'),
  trainings: column('培训人次', 'Trainings'),
  keyGroupTrainings: column('其中重点群体人次', 'Of them key groups'),
  certificatesIssued: column('发证数', 'Certificates issued'),
  highSkillCertificates: column('其中高技能（高级工及以上）', 'Of them high-skill (level 3 and above)'),
  certificatesRevoked: column('撤销证书数', 'Certificates revoked'),
  employments: column('培训后三个月内就业人数', 'Employed within 3 months of training'),
});

export const trainingKindColumns = section('report_training_kinds', {
  period,
  jurisdictionCode: jurisdiction,
  trainingType: column('培训类型', 'Training type'),
  classesCompleted: column('结业班次', 'Classes completed'),
  trainings: column('培训人次', 'Trainings'),
});

export const targetColumns = section('report_targets', {
  planTitle: column('目标任务表', 'Target table'),
  measure: column('口径', 'Measure'),
  jurisdictionCode: jurisdiction,
  ownLevel: column('仅本级', 'Own level only'),
  span: column('年度', 'Years'),
  targetTrainees: column('目标', 'Target'),
  actual: column('完成', 'Achieved'),
  progressShare: column('完成比例', 'Share achieved'),
  programmes: column('项目构成', 'Programmes'),
  versionId: column('政策版本', 'Policy version'),
});

export const programmeTargetColumns = section('report_programme_targets', {
  planTitle: column('目标任务表', 'Target table'),
  jurisdictionCode: jurisdiction,
  ownLevel: column('仅本级', 'Own level only'),
  span: column('年度', 'Years'),
  programme: column('项目', 'Programme'),
  targetTrainees: column('目标', 'Target'),
  measured: column('已对应培训类型', 'Mapped to training types'),
  actual: column('完成', 'Achieved'),
  progressShare: column('完成比例', 'Share achieved'),
});

export const assigneeTargetColumns = section('report_assignee_targets', {
  planTitle: column('目标任务表', 'Target table'),
  jurisdictionCode: jurisdiction,
  ownLevel: column('仅本级', 'Own level only'),
  span: column('年度', 'Years'),
  assignee: column('承担单位', 'Assignee'),
  targetTrainees: column('目标', 'Target'),
  status: column('对应机构', 'Mapped to institutions'),
  actual: column('完成', 'Achieved'),
  progressShare: column('完成比例', 'Share achieved'),
  institutionIds: column('机构编号', 'Institution ids'),
});

export const constraintColumns = section('report_target_constraints', {
  planTitle: column('目标任务表', 'Target table'),
  jurisdictionCode: jurisdiction,
  programme: column('项目', 'Programme'),
  minShare: column('最低占比', 'Minimum share'),
  actualShare: column('实际占比', 'Actual share'),
  status: column('结果', 'Result'),
  description: column('条款原文', 'Clause as printed'),
  versionId: column('政策版本', 'Policy version'),
});

export const dueDateColumns = section('report_due_dates', {
  period,
  dueOn: column('报送截止日', 'Due on'),
  versionId: column('政策版本', 'Policy version'),
});

const rowsOf = (list: readonly object[]) => list.map((row) => ({ ...row }) as ListRow<string>);

@Injectable()
export class GetFundReportHandler {
  constructor(
    private readonly query: FundReportQuery,
    private readonly activity: ActivityReportQuery,
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
    const file = exportSections(
      [
        { name: '资金', definition: fundReportColumns, rows: rowsOf(report.rows) },
        { name: '资金按补贴类别', definition: fundReportKindColumns, rows: rowsOf(report.byKind) },
        { name: '培训发证就业', definition: activityColumns, rows: rowsOf(report.activity) },
        { name: '培训类型', definition: trainingKindColumns, rows: rowsOf(report.trainingKinds) },
        { name: '目标进度', definition: targetColumns, rows: rowsOf(report.targets) },
        { name: '项目目标进度', definition: programmeTargetColumns, rows: rowsOf(report.programmeTargets) },
        {
          name: '承担单位目标进度',
          definition: assigneeTargetColumns,
          rows: rowsOf(
            report.assigneeTargets.map((a) => ({ ...a, institutionIds: a.institutionIds.join(' ') })),
          ),
        },
        { name: '目标约束', definition: constraintColumns, rows: rowsOf(report.targetConstraints) },
        { name: '报送期限', definition: dueDateColumns, rows: rowsOf(report.dueDates) },
      ],
      {
        format: payload.format as ExportFormat,
        baseName: `fund-report-${payload.jurisdictionCode}-${payload.year}-${payload.period}`,
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
    const { jurisdictionCode, year } = payload;
    const [aggregates, facts, policies, mappings, assigneeMappings] = await Promise.all([
      this.query.aggregates(jurisdictionCode, year, period),
      this.activity.monthFacts(jurisdictionCode, year),
      this.activity.publishedPolicies(),
      this.activity.programmeMappings(),
      this.activity.assigneeMappings(),
    ]);
    const measured = await this.activity.measuredYears(jurisdictionCode, yearsToMeasure(year, policies));
    const { rows, byKind } = fundReport(year, period, aggregates);
    const { activity, trainingKinds } = activityReport(year, period, facts);
    const { targets, programmeTargets, assigneeTargets, constraints } = targetProgress(
      year,
      jurisdictionCode,
      policies,
      measured,
      mappings,
      assigneeMappings,
    );
    const dueDates =
      period === 'month'
        ? periodsOf(year, 'month').flatMap((month) => {
            const due = monthlyReportDueOn(month, jurisdictionCode, policies);
            return due ? [{ period: month, ...due }] : [];
          })
        : [];
    return {
      jurisdictionCode,
      year,
      period,
      rows,
      byKind,
      activity,
      trainingKinds,
      targets,
      programmeTargets,
      assigneeTargets,
      targetConstraints: constraints,
      dueDates,
    };
  }
}
