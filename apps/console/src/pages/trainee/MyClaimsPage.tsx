// The trainee's own screen, laid out for a phone: the claims that name me (GET /api/v1/my/claims, a page
// at a time) with the amount in my name, and for each one I may confirm it (POST /api/v1/claims/:id/
// confirmation) or object to it (POST …/objections) — the service refuses either once it is too late.
import { Button, Card, Descriptions, List, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { zh, type MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { kindName } from '../ledger/ledgerValues';
import { ObjectionForm } from '../public/ObjectionForm';

interface MyClaim {
  readonly claimId: string;
  readonly kind: string;
  readonly classId?: string;
  readonly status: string;
  readonly computedFen: number;
  readonly submittedOn: string;
  readonly ownAmountFen?: number;
}

const PAGE_SIZE = 10;

function statusText(t: (key: MessageKey) => string, status: string) {
  const key = `trainee.status.${status}`;
  return key in zh ? t(key as MessageKey) : status;
}

function ClaimCard({ claim, onChanged }: { claim: MyClaim; onChanged: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [objecting, setObjecting] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<unknown>();
  const confirm = () => {
    setConfirming(true);
    setError(undefined);
    api
      .send('POST', `/api/v1/claims/${claim.claimId}/confirmation`, {})
      .then(() => {
        setConfirmed(true);
        onChanged();
      }, setError)
      .finally(() => setConfirming(false));
  };
  return (
    <Card size="small" title={kindName(t, claim.kind)} data-testid="my-claim" style={{ width: '100%' }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('trainee.ownAmount')}>
          {claim.ownAmountFen !== undefined ? formatFen(claim.ownAmountFen) : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('trainee.status')}>
          <StatusTag tone="blue">{statusText(t, claim.status)}</StatusTag>
        </Descriptions.Item>
        <Descriptions.Item label={t('trainee.claimTotal')}>{formatFen(claim.computedFen)}</Descriptions.Item>
        <Descriptions.Item label={t('trainee.submittedOn')}>{claim.submittedOn}</Descriptions.Item>
        {claim.classId && <Descriptions.Item label={t('trainee.classId')}>{claim.classId}</Descriptions.Item>}
      </Descriptions>
      <ErrorAlert error={error} />
      {confirmed ? (
        <StatusTag tone="green">{t('trainee.confirmed')}</StatusTag>
      ) : (
        <Space wrap style={{ marginTop: 8 }}>
          <Button type="primary" onClick={confirm} loading={confirming}>
            {t('trainee.confirm')}
          </Button>
          <Button onClick={() => setObjecting(!objecting)} aria-expanded={objecting}>
            {t('trainee.object')}
          </Button>
        </Space>
      )}
      {objecting && (
        <div style={{ marginTop: 12 }}>
          <ObjectionForm
            path={`/api/v1/claims/${claim.claimId}/objections`}
            withContact={false}
            onRaised={onChanged}
          />
        </div>
      )}
    </Card>
  );
}

export default function MyClaimsPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: MyClaim[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [reload, setReload] = useState(0);
  const load = useCallback(() => setReload((n) => n + 1), []);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    api
      .get<{ items: MyClaim[]; total: number }>('/api/v1/my/claims', { page, pageSize: PAGE_SIZE })
      .then(
        (answer) => live && setData(answer),
        (caught: unknown) => live && setError(caught),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, page, reload]);
  return (
    <>
      <ErrorAlert error={error} />
      <List<MyClaim>
        aria-label={t('nav.myClaims')}
        loading={loading}
        dataSource={data.items}
        locale={{ emptyText: <EmptyText /> }}
        rowKey="claimId"
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data.total,
          size: 'small',
          showTotal: (total) => t('list.total', { total }),
          onChange: setPage,
        }}
        renderItem={(claim) => (
          <List.Item>
            <ClaimCard claim={claim} onChanged={load} />
          </List.Item>
        )}
      />
    </>
  );
}
