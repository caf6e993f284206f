// The training outcome scorecard per institution and occupation (no login; GET /api/v1/public/
// outcome-scorecard, a page at a time): trainees, passes, certificates, employment and their rates,
// filtered by year, jurisdiction, institution and occupation; exported to .xlsx with the same filters. The
// institution directory links here with `?institutionId=` (one institution's rows from the start).
import { Form, Input, InputNumber } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { PagedList } from '../../components/PagedList';
import { useI18n } from '../../i18n/i18n';

interface ScorecardRow {
  readonly year: number;
  readonly institutionId: string;
  readonly institutionName?: string;
  readonly jurisdictionCode: string;
  readonly occupationCode: string;
  readonly classes: number;
  readonly trainees: number;
  readonly passed: number;
  readonly certified: number;
  readonly employed?: number;
  readonly passRate?: string;
  readonly certificateRate?: string;
  readonly employmentRate?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default function ScorecardPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [initialFilters] = useState(() => {
    const institutionId = new URLSearchParams(window.location.search).get('institutionId') ?? '';
    return UUID.test(institutionId) ? { institutionId } : {};
  });
  const fetchPage = useCallback(
    async (filters: Record<string, unknown>, page: number, pageSize: number) => {
      const answer = await api.get<{ items: ScorecardRow[]; total: number }>(
        '/api/v1/public/outcome-scorecard',
        {
          ...(filters as Record<string, string>),
          page,
          pageSize,
        },
      );
      // a row is one institution's occupation in one year
      const items = answer.items.map((row) => ({
        ...row,
        key: `${row.year}-${row.institutionId}-${row.occupationCode}`,
      }));
      return { total: answer.total, items };
    },
    [api],
  );
  return (
    <PagedList<ScorecardRow & { key: string }>
      caption={t('nav.publicScorecard')}
      rowKey="key"
      fetchPage={fetchPage}
      exportPath="/api/v1/public/outcome-scorecard/export"
      initialFilters={initialFilters}
      filters={
        <>
          <Form.Item name="year" label={t('scorecard.year')}>
            <InputNumber min={2000} max={2100} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item
            name="jurisdiction"
            label={t('scorecard.jurisdiction')}
            rules={[{ pattern: /^\d{6}$/, message: t('ledger.jurisdictionInvalid') }]}
          >
            <Input style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="occupationCode" label={t('scorecard.occupation')} rules={[{ max: 20 }]}>
            <Input style={{ width: 130 }} />
          </Form.Item>
          <Form.Item
            name="institutionId"
            label={t('scorecard.institutionId')}
            rules={[{ pattern: UUID, message: t('scorecard.institutionIdInvalid') }]}
          >
            <Input style={{ width: 300 }} />
          </Form.Item>
        </>
      }
      columns={[
        { title: t('scorecard.year'), dataIndex: 'year' },
        {
          title: t('scorecard.institution'),
          key: 'institution',
          render: (_: unknown, r) => r.institutionName ?? r.institutionId,
        },
        { title: t('scorecard.jurisdiction'), dataIndex: 'jurisdictionCode' },
        { title: t('scorecard.occupation'), dataIndex: 'occupationCode' },
        { title: t('scorecard.classes'), dataIndex: 'classes', align: 'right' },
        { title: t('scorecard.trainees'), dataIndex: 'trainees', align: 'right' },
        { title: t('scorecard.passRate'), dataIndex: 'passRate', align: 'right' },
        { title: t('scorecard.certificateRate'), dataIndex: 'certificateRate', align: 'right' },
        { title: t('scorecard.employmentRate'), dataIndex: 'employmentRate', align: 'right' },
      ]}
    />
  );
}
