// "Explain this yuan" (GET /api/v1/audit/payments/:paymentId/explanation, or
// /api/v1/audit/claims/:claimId/explanation?workerId=): the chain from the payment back to the
// check-ins — payment → commitment → claim → breakdown lines → class → check-ins → devices →
// inspection → result → certificate → employment → ledger → policy version — each step with the event
// it rests on (service, type, stream and version, time, hash) and its facts, amounts in ¥.
import { Alert, Card, Descriptions, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { formatFen } from '../../money';
import { factsText } from './auditFacts';
import type { EvidenceLink, Explanation } from './auditTypes';
import { ExplainForm, type ExplainQuery } from './ExplainForm';

function explanationPath(query: ExplainQuery): string {
  return query.paymentId
    ? `/api/v1/audit/payments/${encodeURIComponent(query.paymentId)}/explanation`
    : `/api/v1/audit/claims/${encodeURIComponent(query.claimId ?? '')}/explanation`;
}

function Step({ link }: { link: EvidenceLink }) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={0} data-testid={`step-${link.step}`}>
      <Typography.Text strong>
        {t(`audit.step.${link.step}` as MessageKey)} · {link.type}
      </Typography.Text>
      <Typography.Text>
        {link.service} · {link.streamId} #{link.streamVersion} · {link.recordedAt}
      </Typography.Text>
      <Typography.Text>
        {t('audit.facts')}：{factsText(link.facts)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('audit.hash')}：<code>{link.hash}</code>
      </Typography.Text>
    </Space>
  );
}

export default function ExplainPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [answer, setAnswer] = useState<Explanation>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const explain = (query: ExplainQuery) => {
    setLoading(true);
    setError(undefined);
    setAnswer(undefined);
    api
      .get<Explanation>(explanationPath(query), query.paymentId ? {} : { workerId: query.workerId })
      .then(setAnswer, setError)
      .finally(() => setLoading(false));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ExplainForm onExplain={explain} />
      <ErrorAlert error={error} />
      {loading && <Typography.Text>{t('common.loading')}</Typography.Text>}
      {answer && (
        <Card title={t('audit.explanationOf', { id: answer.claimId })} data-testid="explanation">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions bordered size="small" column={1}>
              <Descriptions.Item label={t('audit.claimId')}>{answer.claimId}</Descriptions.Item>
              {answer.paymentId && (
                <Descriptions.Item label={t('audit.paymentId')}>{answer.paymentId}</Descriptions.Item>
              )}
              <Descriptions.Item label={t('audit.paid')}>{formatFen(answer.paidFen)}</Descriptions.Item>
              <Descriptions.Item label={t('audit.explained')}>
                {formatFen(answer.explainedFen)}
              </Descriptions.Item>
            </Descriptions>
            {answer.missing.length > 0 && (
              <Alert
                type="info"
                showIcon
                title={t('audit.missingSteps')}
                description={answer.missing.map((step) => t(`audit.step.${step}` as MessageKey)).join('、')}
              />
            )}
            <Typography.Title level={5}>{t('audit.evidenceChain')}</Typography.Title>
            <Timeline
              items={answer.links.map((link) => ({
                key: `${link.step}:${link.eventId}:${link.workerId ?? ''}`,
                content: <Step link={link} />,
              }))}
            />
          </Space>
        </Card>
      )}
    </Space>
  );
}
