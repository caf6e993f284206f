// A claim as it stood at a moment (GET /api/v1/audit/claims/:claimId/as-of?asOf=), replayed from the
// audit copy: the claim, its class, certificates and payments, each as its facts (amounts in ¥).
import { Card, Descriptions, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { factsText } from './auditFacts';
import type { ClaimAsOf } from './auditTypes';

function Records({ records }: { records: readonly Record<string, unknown>[] }) {
  const { t } = useI18n();
  if (records.length === 0) return <Typography.Text>{t('audit.notYet')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {records.map((record, n) => (
        <li key={n}>{factsText(record)}</li>
      ))}
    </ul>
  );
}

function Facts({ record }: { record?: Record<string, unknown> }) {
  const { t } = useI18n();
  return <Typography.Text>{record ? factsText(record) : t('audit.notYet')}</Typography.Text>;
}

export function ClaimAsOfView({ replay }: { replay: ClaimAsOf }) {
  const { t } = useI18n();
  return (
    <Card title={t('audit.asOfTitle', { id: replay.claimId, asOf: replay.asOf })} data-testid="claim-as-of">
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('audit.eventsReplayed')}>{replay.events}</Descriptions.Item>
        <Descriptions.Item label={t('audit.claim')}>
          <Facts record={replay.claim} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.class')}>
          <Facts record={replay.class} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.certificates')}>
          <Records records={replay.certificates} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.payments')}>
          <Records records={replay.payments} />
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
