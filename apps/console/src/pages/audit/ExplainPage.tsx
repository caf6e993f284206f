// "Explain this yuan": a payment id or a claim id (and, for one trainee's lines, the worker id) → the
// chain of evidence behind the money as the audit copy holds it (GET /api/v1/audit/payments/:id/explanation
// or /claims/:id/explanation): payment, commitment, claim and its breakdown lines, class, the trainees'
// check-ins with their devices, inspections, results and certificates, employment, the ledger's postings by
// fund source, the policy version and the clause — each link with its event id (opening the timeline)
// and its chain hash. Reached from the menu, or from a claim, a timeline or an alert at
// /audit/explain/claim/:id and /audit/explain/payment/:id.
import { Button, Card, Descriptions, Form, Input, Radio, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { Facts, TimelineLink, UUID, trimmed } from './auditShared';

export interface EvidenceLink {
  readonly step: string;
  readonly eventId: string;
  readonly hash: string;
  readonly service: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly workerId?: string;
  readonly facts: Record<string, unknown>;
}

export interface Explanation {
  readonly claimId: string;
  readonly paymentId?: string;
  readonly paidFen: number;
  readonly explainedFen: number;
  readonly links: readonly EvidenceLink[];
  readonly missing: readonly string[];
}

export const CHAIN_STEPS = [
  'payment',
  'commitment',
  'claim',
  'breakdown_line',
  'class',
  'check_in',
  'device',
  'inspection',
  'assessment_result',
  'certificate',
  'employment',
  'ledger',
  'policy_version',
] as const;

export interface ExplainQuery {
  readonly what: 'payment' | 'claim';
  readonly id: string;
  readonly workerId?: string;
}

/** the request the form's values make: the route and its query */
export function explanationRequest(query: ExplainQuery): { path: string; query: Record<string, string> } {
  const id = encodeURIComponent(query.id.trim());
  const path =
    query.what === 'payment'
      ? `/api/v1/audit/payments/${id}/explanation`
      : `/api/v1/audit/claims/${id}/explanation`;
  const worker = query.what === 'claim' ? query.workerId?.trim() : undefined;
  return { path, query: worker ? { workerId: worker } : {} };
}

export function ExplainForm({
  initial,
  loading,
  onExplain,
}: {
  initial?: ExplainQuery;
  loading?: boolean;
  onExplain: (query: ExplainQuery) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ExplainQuery>();
  // the choice as state (not a watch of the form: the worker field follows it on the same render)
  const [what, setWhat] = useState<ExplainQuery['what']>(initial?.what ?? 'claim');
  const uuidRule = { pattern: UUID, message: t('audit.uuidInvalid') };
  const idLabel = t(what === 'payment' ? 'audit.paymentId' : 'audit.claimId');
  return (
    <Form
      form={form}
      name="explain"
      layout="inline"
      initialValues={{ what: 'claim', ...initial }}
      onFinish={(values) => onExplain({ ...values, id: values.id.trim() })}
    >
      <Form.Item name="what" label={t('audit.explainWhat')}>
        <Radio.Group
          aria-label={t('audit.explainWhat')}
          onChange={(event) => setWhat(event.target.value as ExplainQuery['what'])}
          optionType="button"
          options={[
            { value: 'claim', label: t('audit.explainWhat.claim') },
            { value: 'payment', label: t('audit.explainWhat.payment') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="id"
        normalize={trimmed}
        label={idLabel}
        rules={[{ required: true, message: t('common.required', { field: idLabel }) }, uuidRule]}
      >
        <Input style={{ width: 340 }} />
      </Form.Item>
      {what === 'claim' && (
        <Form.Item name="workerId" label={t('audit.workerIdOptional')} normalize={trimmed} rules={[uuidRule]}>
          <Input style={{ width: 340 }} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('audit.explain')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function StepCard({ step, links }: { step: string; links: readonly EvidenceLink[] }) {
  const { t } = useI18n();
  const title = t(`audit.step.${step}` as MessageKey);
  return (
    <Card
      size="small"
      title={`${title} · ${t('audit.links', { count: links.length })}`}
      data-testid={`step-${step}`}
    >
      <Table<EvidenceLink>
        aria-label={title}
        size="small"
        rowKey={(link) => `${link.eventId}/${link.workerId ?? ''}/${JSON.stringify(link.facts).length}`}
        dataSource={[...links]}
        pagination={links.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyText /> }}
        scroll={{ x: true }}
        columns={[
          {
            title: t('audit.event'),
            key: 'event',
            width: 330,
            render: (_: unknown, link) => (
              <Space orientation="vertical" size={0}>
                <Typography.Text>
                  {link.service} · {link.type}
                </Typography.Text>
                <span>
                  {t('audit.eventId')}：<TimelineLink id={link.eventId} />
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.hash')}：<code title={link.hash}>{link.hash}</code>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('audit.recordedAt')}：{link.recordedAt}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t('audit.worker'),
            key: 'worker',
            width: 150,
            render: (_: unknown, link) =>
              link.workerId ? (
                <TimelineLink id={link.workerId}>{link.workerId.slice(0, 8)}</TimelineLink>
              ) : (
                ''
              ),
          },
          {
            title: t('audit.facts'),
            key: 'facts',
            render: (_: unknown, link) => <Facts facts={link.facts} />,
          },
        ]}
      />
    </Card>
  );
}

export function ExplanationView({ explanation }: { explanation: Explanation }) {
  const { t } = useI18n();
  const equal = explanation.paidFen === explanation.explainedFen;
  const steps = CHAIN_STEPS.filter((step) => explanation.links.some((link) => link.step === step));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        title={t('audit.explainOf', { id: explanation.claimId })}
        data-testid="explanation-summary"
      >
        <Descriptions.Item label={t('audit.claimId')}>
          <TimelineLink id={explanation.claimId} />
        </Descriptions.Item>
        {explanation.paymentId && (
          <Descriptions.Item label={t('audit.paymentId')}>
            <TimelineLink id={explanation.paymentId} />
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('audit.paidAmount')}>{formatFen(explanation.paidFen)}</Descriptions.Item>
        <Descriptions.Item label={t('audit.explainedAmount')}>
          <Space>
            {formatFen(explanation.explainedFen)}
            <StatusTag tone={equal ? 'green' : 'red'}>
              {t(equal ? 'audit.explainedEqual' : 'audit.explainedDiffers')}
            </StatusTag>
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.missingSteps')}>
          {explanation.missing.length === 0
            ? t('audit.noneMissing')
            : explanation.missing.map((step) => t(`audit.step.${step}` as MessageKey)).join('、')}
        </Descriptions.Item>
      </Descriptions>
      {steps.map((step) => (
        <StepCard key={step} step={step} links={explanation.links.filter((link) => link.step === step)} />
      ))}
    </Space>
  );
}

/** a new path (another claim's link) is a new screen */
export default function ExplainPage({ params }: { params: Record<string, string> }) {
  return <ExplainScreen key={`${params.kind}/${params.id}`} params={params} />;
}

function ExplainScreen({ params }: { params: Record<string, string> }) {
  const { api } = useSession();
  const kind = params.kind;
  const fromPath: ExplainQuery | undefined =
    (kind === 'claim' || kind === 'payment') && params.id ? { what: kind, id: params.id } : undefined;
  const [query, setQuery] = useState<ExplainQuery | undefined>(fromPath);
  const [explanation, setExplanation] = useState<Explanation>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const load = useCallback(
    (next: ExplainQuery) => {
      const request = explanationRequest(next);
      setLoading(true);
      setError(undefined);
      setExplanation(undefined);
      api
        .get<Explanation>(request.path, request.query)
        .then(setExplanation, setError)
        .finally(() => setLoading(false));
    },
    [api],
  );
  useEffect(() => {
    if (query) load(query);
  }, [query, load]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ExplainForm initial={fromPath} loading={loading} onExplain={(next) => setQuery({ ...next })} />
      <ErrorAlert error={error} />
      {explanation && <ExplanationView explanation={explanation} />}
    </Space>
  );
}
