// The public fund-usage disclosure (no login; GET /api/v1/public/fund-disclosure/:code?year=&period=):
// money received, committed, paid and returned per fund source and per subsidy kind — never a payee, a
// claim or a class — as charts and rows, and its .xlsx (…/export?format=xlsx).
import { Button, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { ReportFilters, type ReportQuery } from '../ledger/FundReportPage';
import { ReportCharts, type ReportKindRow, type ReportRow } from '../ledger/ReportCharts';

interface FundDisclosure {
  readonly rows: ReportRow[];
  readonly byKind: ReportKindRow[];
}

const AMOUNTS = ['receivedFen', 'committedFen', 'paidFen', 'returnedFen'] as const;

export default function FundDisclosurePage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [query, setQuery] = useState<ReportQuery>({
    jurisdiction: principal?.jurisdiction ?? '',
    year: new Date().getFullYear(),
    period: 'year',
  });
  const [disclosure, setDisclosure] = useState<FundDisclosure>();
  const [error, setError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    if (!/^\d{6}$/.test(query.jurisdiction)) return;
    let live = true;
    setError(undefined);
    api
      .get<FundDisclosure>(`/api/v1/public/fund-disclosure/${query.jurisdiction}`, {
        year: query.year,
        period: query.period,
      })
      .then(
        (answer) => live && setDisclosure(answer),
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
      .download(`/api/v1/public/fund-disclosure/${query.jurisdiction}/export`, {
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
          disclosure && (
            <Button onClick={exportXlsx} loading={exporting}>
              {exporting ? t('list.exporting') : t('list.exportXlsx')}
            </Button>
          )
        }
      />
      <ErrorAlert error={error} />
      {disclosure && <ReportCharts rows={disclosure.rows} byKind={disclosure.byKind} amounts={AMOUNTS} />}
    </Space>
  );
}
