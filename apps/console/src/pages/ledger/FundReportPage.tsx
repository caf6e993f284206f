// The fund report of a jurisdiction (and those below it) for a year, by month, quarter or year
// (GET /api/v1/fund-ledger/reports/:code?year=&period=): money by source and by subsidy kind as charts,
// every period's row, and the same report as .xlsx (…/export?format=xlsx).
import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { jurisdictionRules, periodOptions } from './ledgerValues';
import { ReportCharts, type ReportKindRow, type ReportRow } from './ReportCharts';

interface FundReport {
  readonly rows: ReportRow[];
  readonly byKind: ReportKindRow[];
}

export interface ReportQuery {
  readonly jurisdiction: string;
  readonly year: number;
  readonly period: 'month' | 'quarter' | 'year';
}

export const REPORT_AMOUNTS = [
  'receivedFen',
  'earmarkedFen',
  'committedFen',
  'paidFen',
  'returnedFen',
  'releasedFen',
  'availableEndFen',
  'earmarkedEndFen',
] as const;

/** the report's filters: jurisdiction, year, period; `onQuery` with them once valid */
export function ReportFilters({
  initial,
  onQuery,
  extra,
}: {
  initial: ReportQuery;
  onQuery: (query: ReportQuery) => void;
  extra?: React.ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Form layout="inline" initialValues={initial} onFinish={(values: ReportQuery) => onQuery(values)}>
      <Form.Item
        name="jurisdiction"
        label={t('ledger.jurisdiction')}
        rules={jurisdictionRules(t, t('ledger.jurisdiction'))}
      >
        <Input style={{ width: 110 }} />
      </Form.Item>
      <Form.Item name="year" label={t('ledger.report.year')} rules={[{ required: true }]}>
        <InputNumber min={2018} max={2100} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item name="period" label={t('ledger.report.periodKind')}>
        <Select style={{ width: 100 }} options={periodOptions(t)} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('list.filter')}
          </Button>
          {extra}
        </Space>
      </Form.Item>
    </Form>
  );
}

export default function FundReportPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [query, setQuery] = useState<ReportQuery>({
    jurisdiction: principal?.jurisdiction ?? '',
    year: new Date().getFullYear(),
    period: 'month',
  });
  const [report, setReport] = useState<FundReport>();
  const [error, setError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    let live = true;
    setError(undefined);
    api
      .get<FundReport>(`/api/v1/fund-ledger/reports/${encodeURIComponent(query.jurisdiction)}`, {
        year: query.year,
        period: query.period,
      })
      .then(
        (answer) => live && setReport(answer),
        (caught: unknown) => live && setError(caught),
      );
    return () => {
      live = false;
    };
  }, [api, query]);
  const exportXlsx = () => {
    setExporting(true);
    setError(undefined);
    api
      .download(`/api/v1/fund-ledger/reports/${encodeURIComponent(query.jurisdiction)}/export`, {
        year: query.year,
        period: query.period,
        format: 'xlsx',
      })
      .catch(setError)
      .finally(() => setExporting(false));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ReportFilters
        initial={query}
        onQuery={setQuery}
        extra={
          <Button onClick={exportXlsx} loading={exporting}>
            {exporting ? t('list.exporting') : t('list.exportXlsx')}
          </Button>
        }
      />
      <ErrorAlert error={error} />
      {report && <ReportCharts rows={report.rows} byKind={report.byKind} amounts={REPORT_AMOUNTS} />}
    </Space>
  );
}
