// The trainee's own screen, laid out for a phone: the claims that name me (GET /api/v1/my/claims, a page
// at a time, filtered by status, exported to .xlsx) with the amount in my name, and for each one I may
// confirm it (POST /api/v1/claims/:id/confirmation) or object to it (POST …/objections) — the service
// refuses either once it is too late. A claim I confirmed says so (the service answers confirmedByMe).
import { Button, Card, Descriptions, Form, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { zh, type MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { kindName } from '../ledger/ledgerValues';
import { ObjectionForm } from '../public/ObjectionForm';
import { MobileCardList } from './MobileCardList';

interface MyClaim {
  readonly claimId: string;
  readonly kind: string;
  readonly classId?: string;
  readonly status: string;
  readonly computedFen: number;
  readonly submittedOn: string;
  readonly ownAmountFen?: number;
  readonly confirmedByMe?: boolean;
}

/** the statuses a trainee may filter by (the service's claim statuses) */
const STATUSES = [
  'submitted',
  'first_reviewed',
  'second_reviewed',
  'on_notice',
  'approved',
  'paid',
  'payment_failed',
  'commitment_refused',
  'returned',
  'rejected',
] as const;

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
        {claim.classId && (
          <Descriptions.Item label={t('trainee.classId')}>
            <span style={{ wordBreak: 'break-all' }}>{claim.classId}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <ErrorAlert error={error} />
      {confirmed || claim.confirmedByMe ? (
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
  const [reload, setReload] = useState(0);
  const load = useCallback(() => setReload((n) => n + 1), []);
  return (
    <MobileCardList<MyClaim>
      caption={t('nav.myClaims')}
      path="/api/v1/my/claims"
      exportPath="/api/v1/my/claims/export"
      rowKey="claimId"
      reloadKey={reload}
      filters={
        <Form.Item name="status" label={t('myClaim.statusFilter')}>
          <Select
            allowClear
            placeholder={t('myCertificate.allStatuses')}
            options={STATUSES.map((status) => ({ value: status, label: statusText(t, status) }))}
          />
        </Form.Item>
      }
      renderCard={(claim) => <ClaimCard claim={claim} onChanged={load} />}
    />
  );
}
