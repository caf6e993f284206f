// The claims of the officer's jurisdiction (GET /api/v1/claims, a page at a time), by status, class and
// overdue — the overdue list of a review stage is this list filtered — and exported to .xlsx with the
// same filters by the service (GET /api/v1/claims/export), every row, not the page on screen. An
// institution's or enterprise's clerk reads the same list of its own claims (the service narrows it)
// and follows each to payment.
import { Button, Checkbox, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import { useSession } from '../../auth/session';
import { PagedList } from '../../components/PagedList';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { formatFen } from '../../money';
import { useRouter } from '../../shell/router';
import { CLAIM_STATUSES, claimTone, type ClaimSummary } from './claimTypes';

export default function ClaimsPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const { navigate } = useRouter();
  const clerk = principal?.roles.some((role) => role === 'institution' || role === 'enterprise');
  const initialStatus = new URLSearchParams(window.location.search).get('status') ?? undefined;
  const listQuery = useCallback(
    (filters: Record<string, unknown>) => ({
      status: filters.status as string | undefined,
      classId: filters.classId as string | undefined,
      overdue: filters.overdue === true ? true : undefined,
    }),
    [],
  );
  const fetchPage = useCallback(
    async (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: ClaimSummary[]; total: number }>('/api/v1/claims', {
        ...listQuery(filters),
        page,
        pageSize,
      }),
    [api, listQuery],
  );
  return (
    <>
      <PagedList<ClaimSummary>
        caption={t(clerk ? 'nav.ownClaims' : 'nav.claims')}
        rowKey="claimId"
        fetchPage={fetchPage}
        exportPath="/api/v1/claims/export"
        exportQuery={listQuery}
        initialFilters={{ status: initialStatus }}
        filters={
          <>
            <Form.Item name="status" label={t('claim.status')}>
              <Select
                allowClear
                style={{ width: 150 }}
                options={CLAIM_STATUSES.map((value) => ({ value, label: t(`claim.status.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="classId" label={t('claim.classId')}>
              <Input style={{ width: 320 }} />
            </Form.Item>
            <Form.Item name="overdue" valuePropName="checked">
              <Checkbox>{t('claim.overdueOnly')}</Checkbox>
            </Form.Item>
          </>
        }
        columns={[
          { title: t('claim.claimId'), dataIndex: 'claimId', render: (id: string) => id.slice(0, 8) },
          {
            title: t('claim.kind'),
            dataIndex: 'kind',
            render: (kind: string) => t(`claim.kind.${kind}` as MessageKey),
          },
          { title: t('claim.submittedOn'), dataIndex: 'submittedOn' },
          {
            title: t('claim.requestedAmount'),
            dataIndex: 'requestedFen',
            align: 'right',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: t('claim.computed'),
            dataIndex: 'computedFen',
            align: 'right',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: t('claim.status'),
            dataIndex: 'status',
            render: (status: ClaimSummary['status']) => (
              <StatusTag tone={claimTone(status)}>{t(`claim.status.${status}`)}</StatusTag>
            ),
          },
          {
            title: t('claim.dueOn'),
            dataIndex: 'dueOn',
            render: (dueOn: string | undefined, row: ClaimSummary) =>
              row.overdue ? (
                <StatusTag tone="red">
                  {dueOn} {t('claim.overdue')}
                </StatusTag>
              ) : (
                dueOn
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, row: ClaimSummary) => (
              <Button size="small" onClick={() => navigate(`/claims/${row.claimId}`)}>
                {t('common.details')}
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}
