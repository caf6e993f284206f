// As-of replay: a claim id and a moment (Beijing time) → the claim, its class, the class's certificates
// and the claim's payments as they stood then, folded from the audit copy's events recorded up to that
// moment (GET /api/v1/audit/claims/:claimId/as-of?asOf=).
import { Button, Card, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { ExplainButton, TimelineLink, UUID, beijingDateTime, textOr, trimmed } from './auditShared';

interface ClaimView {
  status: string;
  kind?: string;
  tranche?: string;
  classId?: string;
  claimantId?: string;
  fundSource?: string;
  requestedFen?: number;
  computedFen?: number;
  approvedFen?: number;
  policyVersionIds?: string[];
  openObjections: string[];
  paymentId?: string;
  recoveredFen: number;
}
interface ClassView {
  classId: string;
  status: string;
  institutionId?: string;
  startDate?: string;
  endDate?: string;
  workerIds: string[];
  daysDelivered?: number;
  inspections: number;
  checkIns: number;
}
interface CertificateView {
  certificateId: string;
  workerId?: string;
  kind?: string;
  issuedOn?: string;
  status: 'issued' | 'revoked';
}
interface PaymentView {
  paymentId: string;
  status: 'issued' | 'settled' | 'failed';
  amountFen: number;
  reference?: string;
  settledOn?: string;
  reversedFen: number;
}
export interface ClaimAsOf {
  readonly claimId: string;
  readonly asOf: string;
  readonly events: number;
  readonly lastEventId?: string;
  readonly claim?: ClaimView;
  readonly class?: ClassView;
  readonly certificates: CertificateView[];
  readonly payments: PaymentView[];
}

export function AsOfForm({
  loading,
  onReplay,
}: {
  loading?: boolean;
  onReplay: (claimId: string, asOf: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Form
      name="asOf"
      layout="inline"
      onFinish={(values: { claimId: string; asOf: string }) =>
        onReplay(values.claimId.trim(), beijingDateTime(values.asOf)!)
      }
    >
      <Form.Item
        name="claimId"
        normalize={trimmed}
        label={t('audit.claimId')}
        rules={[
          { required: true, message: t('common.required', { field: t('audit.claimId') }) },
          { pattern: UUID, message: t('audit.uuidInvalid') },
        ]}
      >
        <Input style={{ width: 340 }} />
      </Form.Item>
      <Form.Item
        name="asOf"
        label={t('audit.asOf')}
        rules={[{ required: true, message: t('common.required', { field: t('audit.asOf') }) }]}
      >
        <Input type="datetime-local" step={1} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('audit.replay')}
        </Button>
      </Form.Item>
    </Form>
  );
}

const known = (key: string, t: (k: MessageKey) => string, fallback: string) => textOr(t, key, fallback);

function AsOfView({ state }: { state: ClaimAsOf }) {
  const { t } = useI18n();
  const { claim } = state;
  const cls = state.class;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="as-of">
      <Typography.Title level={4}>
        {t('audit.asOfResult', { id: state.claimId, at: state.asOf })}
      </Typography.Title>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('audit.eventsFolded')}>{state.events}</Descriptions.Item>
        {state.lastEventId && (
          <Descriptions.Item label={t('audit.lastEvent')}>
            <TimelineLink id={state.lastEventId} />
          </Descriptions.Item>
        )}
      </Descriptions>
      <Card size="small" title={t('audit.claim')} extra={<ExplainButton kind="claim" id={state.claimId} />}>
        {claim ? (
          <Descriptions size="small" column={2} data-testid="as-of-claim">
            <Descriptions.Item label={t('audit.status')}>
              {known(`claim.status.${claim.status}`, t, claim.status)}
            </Descriptions.Item>
            {claim.kind && (
              <Descriptions.Item label={t('claim.kind')}>
                {known(`claim.kind.${claim.kind}`, t, claim.kind)}
              </Descriptions.Item>
            )}
            {claim.tranche && (
              <Descriptions.Item label={t('claim.tranche')}>
                {known(`claim.tranche.${claim.tranche}`, t, claim.tranche)}
              </Descriptions.Item>
            )}
            {claim.requestedFen !== undefined && (
              <Descriptions.Item label={t('audit.fact.requestedFen')}>
                {formatFen(claim.requestedFen)}
              </Descriptions.Item>
            )}
            {claim.computedFen !== undefined && (
              <Descriptions.Item label={t('audit.fact.computedFen')}>
                {formatFen(claim.computedFen)}
              </Descriptions.Item>
            )}
            {claim.approvedFen !== undefined && (
              <Descriptions.Item label={t('audit.approvedAmount')}>
                {formatFen(claim.approvedFen)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('audit.recoveredAmount')}>
              {formatFen(claim.recoveredFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.openObjections')}>
              {claim.openObjections.length}
            </Descriptions.Item>
            {claim.paymentId && (
              <Descriptions.Item label={t('audit.paymentId')}>
                <TimelineLink id={claim.paymentId} />
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : (
          <Typography.Text>{t('audit.notYetSubmitted')}</Typography.Text>
        )}
      </Card>
      {cls && (
        <Card size="small" title={t('audit.class')}>
          <Descriptions size="small" column={2} data-testid="as-of-class">
            <Descriptions.Item label={t('audit.fact.classId')}>
              <TimelineLink id={cls.classId} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.classStatus')}>
              {known(`class.status.${cls.status}`, t, cls.status)}
            </Descriptions.Item>
            {cls.startDate && (
              <Descriptions.Item label={t('audit.fact.startDate')}>{cls.startDate}</Descriptions.Item>
            )}
            {cls.endDate && (
              <Descriptions.Item label={t('audit.fact.endDate')}>{cls.endDate}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('audit.trainees')}>{cls.workerIds.length}</Descriptions.Item>
            {cls.daysDelivered !== undefined && (
              <Descriptions.Item label={t('audit.daysDelivered')}>{cls.daysDelivered}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('audit.checkIns')}>{cls.checkIns}</Descriptions.Item>
            <Descriptions.Item label={t('audit.inspections')}>{cls.inspections}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      <Table<CertificateView>
        aria-label={t('audit.certificates')}
        title={() => t('audit.certificates')}
        size="small"
        rowKey="certificateId"
        dataSource={state.certificates}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: <EmptyText /> }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('audit.certificateId'),
            dataIndex: 'certificateId',
            render: (id: string) => <TimelineLink id={id} />,
          },
          {
            title: t('audit.worker'),
            dataIndex: 'workerId',
            render: (id?: string) => (id ? <TimelineLink id={id} /> : ''),
          },
          { title: t('audit.issuedOn'), dataIndex: 'issuedOn' },
          {
            title: t('audit.status'),
            dataIndex: 'status',
            render: (status: CertificateView['status']) => (
              <StatusTag tone={status === 'issued' ? 'green' : 'red'}>
                {t(`audit.certificateStatus.${status}`)}
              </StatusTag>
            ),
          },
        ]}
      />
      <Table<PaymentView>
        aria-label={t('audit.payments')}
        title={() => t('audit.payments')}
        size="small"
        rowKey="paymentId"
        dataSource={state.payments}
        pagination={{ pageSize: 10 }}
        locale={{ emptyText: <EmptyText /> }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('audit.paymentId'),
            dataIndex: 'paymentId',
            render: (id: string) => <TimelineLink id={id} />,
          },
          {
            title: t('audit.fact.amountFen'),
            dataIndex: 'amountFen',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: t('audit.status'),
            dataIndex: 'status',
            render: (status: PaymentView['status']) => (
              <StatusTag tone={status === 'settled' ? 'green' : status === 'failed' ? 'red' : 'blue'}>
                {t(`audit.paymentStatus.${status}`)}
              </StatusTag>
            ),
          },
          { title: t('audit.reference'), dataIndex: 'reference' },
          { title: t('audit.settledOn'), dataIndex: 'settledOn' },
          {
            title: t('audit.reversedAmount'),
            dataIndex: 'reversedFen',
            render: (fen: number) => formatFen(fen),
          },
        ]}
      />
    </Space>
  );
}

export default function AsOfPage() {
  const { api } = useSession();
  const [state, setState] = useState<ClaimAsOf>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const replay = (claimId: string, asOf: string) => {
    setLoading(true);
    setError(undefined);
    setState(undefined);
    api
      .get<ClaimAsOf>(`/api/v1/audit/claims/${encodeURIComponent(claimId)}/as-of`, { asOf })
      .then(setState, setError)
      .finally(() => setLoading(false));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <AsOfForm loading={loading} onReplay={replay} />
      <ErrorAlert error={error} />
      {state && <AsOfView state={state} />}
    </Space>
  );
}
