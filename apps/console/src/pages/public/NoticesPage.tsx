// The subsidy notices (公示) of a jurisdiction, without login (GET /api/v1/public/jurisdictions/:code/
// claim-notices, a page at a time): who claims, for which class and occupation, how many trainees and how
// much — never a trainee's name or ID number. Anyone may object to a claim on notice (POST …/claims/:id/
// objections), leaving a contact that only officers see. The notices export to .xlsx (…/claim-notices/export).
import { Button, Form, Input, Modal, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { PagedList } from '../../components/PagedList';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { jurisdictionRules, kindName } from '../ledger/ledgerValues';
import { ObjectionForm } from './ObjectionForm';

interface PublicNotice {
  readonly claimId: string;
  readonly claimantKind: string;
  readonly claimantId: string;
  readonly classId?: string;
  readonly occupationCode?: string;
  readonly level?: number;
  readonly kind: string;
  readonly headcount: number;
  readonly amountFen: number;
  readonly startsOn: string;
  readonly endsOn: string;
}

function Notices({ jurisdiction }: { jurisdiction: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [objectingTo, setObjectingTo] = useState<PublicNotice>();
  const fetchPage = useCallback(
    (_filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: PublicNotice[]; total: number }>(
        `/api/v1/public/jurisdictions/${encodeURIComponent(jurisdiction)}/claim-notices`,
        { page, pageSize },
      ),
    [api, jurisdiction],
  );
  return (
    <>
      <PagedList<PublicNotice>
        caption={t('notice.listOf', { code: jurisdiction })}
        rowKey="claimId"
        fetchPage={fetchPage}
        exportPath={`/api/v1/public/jurisdictions/${encodeURIComponent(jurisdiction)}/claim-notices/export`}
        columns={[
          {
            title: t('notice.claimant'),
            key: 'claimant',
            render: (_: unknown, n) =>
              `${t(`ledger.claimantKind.${n.claimantKind as 'institution'}`)} ${n.claimantId}`,
          },
          { title: t('notice.kind'), dataIndex: 'kind', render: (k: string) => kindName(t, k) },
          {
            title: t('notice.occupation'),
            key: 'occupation',
            render: (_: unknown, n) =>
              n.occupationCode ? `${n.occupationCode} · ${t('notice.level', { level: n.level ?? '' })}` : '',
          },
          { title: t('notice.headcount'), dataIndex: 'headcount', align: 'right' },
          {
            title: t('notice.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (f: number) => formatFen(f),
          },
          {
            title: t('notice.period'),
            key: 'period',
            render: (_: unknown, n) => `${n.startsOn} ~ ${n.endsOn}`,
          },
          {
            title: t('common.actions'),
            key: 'object',
            render: (_: unknown, n) => (
              <Button onClick={() => setObjectingTo(n)} aria-label={t('notice.objectTo', { id: n.claimId })}>
                {t('notice.object')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={objectingTo !== undefined}
        title={t('notice.objectionTitle')}
        footer={null}
        destroyOnHidden
        onCancel={() => setObjectingTo(undefined)}
      >
        {objectingTo && (
          <ObjectionForm
            withContact
            path={`/api/v1/public/jurisdictions/${encodeURIComponent(jurisdiction)}/claims/${objectingTo.claimId}/objections`}
          />
        )}
      </Modal>
    </>
  );
}

export default function NoticesPage() {
  const { t } = useI18n();
  const initial = new URLSearchParams(window.location.search).get('jurisdiction') ?? '';
  const [jurisdiction, setJurisdiction] = useState(/^\d{6}$/.test(initial) ? initial : '');
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form
        layout="inline"
        name="notices"
        initialValues={{ jurisdiction }}
        onFinish={(values: { jurisdiction: string }) => setJurisdiction(values.jurisdiction)}
      >
        <Form.Item
          name="jurisdiction"
          label={t('notice.jurisdiction')}
          rules={jurisdictionRules(t, t('notice.jurisdiction'))}
        >
          <Input style={{ width: 120 }} inputMode="numeric" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('list.filter')}
          </Button>
        </Form.Item>
      </Form>
      {jurisdiction && <Notices key={jurisdiction} jurisdiction={jurisdiction} />}
    </Space>
  );
}
