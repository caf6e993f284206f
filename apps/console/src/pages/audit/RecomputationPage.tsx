// Recomputation: a claim id → its subsidy computed again with the policy versions and facts the audit
// copy held at its submission, against what was recorded, approved and paid (GET
// /api/v1/audit/claims/:claimId/recomputation): the difference to the fen, highlighted when not zero, and
// the differences by trainee and rule.
import { Alert, Button, Descriptions, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { ExplainButton, TimelineLink, UUID, textOr, trimmed } from './auditShared';

interface LineDifference {
  readonly workerId?: string;
  readonly rule: string;
  readonly recordedFen: number;
  readonly recomputedFen: number;
}
export interface Recomputation {
  readonly claimId: string;
  readonly kind: string;
  readonly tranche: string;
  readonly recordedFen: number;
  readonly recomputedFen: number;
  readonly approvedFen?: number;
  readonly paidFen: number;
  readonly differenceFen: number;
  readonly equal: boolean;
  readonly policyVersionIdsRecorded: readonly string[];
  readonly policyVersionIdsUsed: readonly string[];
  readonly lineDifferences: readonly LineDifference[];
  readonly inputEventIds: readonly string[];
}

export function ClaimIdForm({
  name,
  submitLabel,
  loading,
  onSubmit,
}: {
  name: string;
  submitLabel: string;
  loading?: boolean;
  onSubmit: (claimId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <Form
      name={name}
      layout="inline"
      onFinish={(values: { claimId: string }) => onSubmit(values.claimId.trim())}
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
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {submitLabel}
        </Button>
      </Form.Item>
    </Form>
  );
}

export function RecomputationView({ result }: { result: Recomputation }) {
  const { t } = useI18n();
  const difference = Math.trunc(result.differenceFen);
  const differs = difference !== 0;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={differs ? 'error' : 'success'}
        showIcon
        data-testid="recomputation-difference"
        title={
          differs ? t('audit.differenceFound', { amount: formatFen(difference) }) : t('audit.differenceNone')
        }
      />
      <Descriptions
        bordered
        size="small"
        column={1}
        title={t('audit.recomputationOf', { id: result.claimId })}
        extra={<ExplainButton kind="claim" id={result.claimId} />}
        data-testid="recomputation"
      >
        <Descriptions.Item label={t('claim.kind')}>
          {textOr(t, `claim.kind.${result.kind}`, result.kind)}
        </Descriptions.Item>
        <Descriptions.Item label={t('claim.tranche')}>
          {textOr(t, `claim.tranche.${result.tranche}`, result.tranche)}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.recordedAmount')}>
          {formatFen(result.recordedFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.recomputedAmount')}>
          {formatFen(result.recomputedFen)}
        </Descriptions.Item>
        {result.approvedFen !== undefined && (
          <Descriptions.Item label={t('audit.approvedAmount')}>
            {formatFen(result.approvedFen)}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('audit.paidAmount')}>{formatFen(result.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.difference')}>
          <strong
            className={differs ? 'audit-difference' : undefined}
            style={differs ? { color: '#a8071a' } : undefined}
          >
            {formatFen(difference)}
          </strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.policyVersionsRecorded')}>
          {result.policyVersionIdsRecorded.map((id) => (
            <div key={id}>
              <TimelineLink id={id} />
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.policyVersionsUsed')}>
          {result.policyVersionIdsUsed.map((id) => (
            <div key={id}>
              <TimelineLink id={id} />
            </div>
          ))}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.inputEvents')}>{result.inputEventIds.length}</Descriptions.Item>
      </Descriptions>
      <Table<LineDifference>
        aria-label={t('audit.lineDifferences')}
        title={() => t('audit.lineDifferences')}
        size="small"
        rowKey={(line) => `${line.workerId ?? ''}/${line.rule}`}
        dataSource={[...result.lineDifferences]}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <EmptyText /> }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('audit.worker'),
            dataIndex: 'workerId',
            render: (id?: string) => (id ? <TimelineLink id={id} /> : ''),
          },
          { title: t('audit.rule'), dataIndex: 'rule', render: (rule: string) => <code>{rule}</code> },
          {
            title: t('audit.recordedAmount'),
            dataIndex: 'recordedFen',
            render: (fen: number) => formatFen(fen),
          },
          {
            title: t('audit.recomputedAmount'),
            dataIndex: 'recomputedFen',
            render: (fen: number) => formatFen(fen),
          },
        ]}
      />
    </Space>
  );
}

export default function RecomputationPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [result, setResult] = useState<Recomputation>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const recompute = (claimId: string) => {
    setLoading(true);
    setError(undefined);
    setResult(undefined);
    api
      .get<Recomputation>(`/api/v1/audit/claims/${encodeURIComponent(claimId)}/recomputation`)
      .then(setResult, setError)
      .finally(() => setLoading(false));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ClaimIdForm
        name="recompute"
        submitLabel={t('audit.recompute')}
        loading={loading}
        onSubmit={recompute}
      />
      <ErrorAlert error={error} />
      {result && <RecomputationView result={result} />}
    </Space>
  );
}
