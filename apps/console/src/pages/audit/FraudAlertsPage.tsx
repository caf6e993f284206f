// Fraud alerts of the auditor's jurisdiction and below (GET /api/v1/audit/fraud-alerts): filtered by
// status, rule, jurisdiction and any id an alert names, a page at a time, exported to .xlsx; each row
// opens to its evidence and figures and is triaged — investigate, confirm with its actions, dismiss —
// in a dialog. "Run the rules" starts the audit service's job (POST /api/v1/audit/fraud-rules/run) and
// follows its progress (GET /api/v1/audit/jobs/:jobId) to the new alerts.
import { Alert, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { JobProgress, type JobView } from '../../components/JobProgress';
import { PagedList } from '../../components/PagedList';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import { factsText } from './auditFacts';
import { AUDIT_ID, FRAUD_RULE_IDS, FRAUD_STATUSES, type FraudAlert, type FraudStatus } from './auditTypes';
import { TriageForm, type TriageAction } from './TriageForm';

const TONE: Record<FraudStatus, 'orange' | 'blue' | 'red' | 'default'> = {
  open: 'orange',
  investigating: 'blue',
  confirmed: 'red',
  dismissed: 'default',
};

const actionsFor = (status: FraudStatus): TriageAction[] =>
  status === 'open'
    ? ['investigate', 'confirm', 'dismiss']
    : status === 'investigating'
      ? ['confirm', 'dismiss']
      : [];

function RunRules({ onEnded }: { onEnded: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [jobId, setJobId] = useState<string>();
  const [result, setResult] = useState<{ findings: number; raised: number }>();
  const [error, setError] = useState<unknown>();
  const start = () => {
    setError(undefined);
    setResult(undefined);
    setJobId(undefined);
    api
      .send<{ jobId: string }>('POST', '/api/v1/audit/fraud-rules/run', {})
      .then((accepted) => setJobId(accepted.jobId), setError);
  };
  const ended = useCallback(
    (job: JobView) => {
      if (job.status === 'succeeded') setResult(job.result as { findings: number; raised: number });
      onEnded();
    },
    [onEnded],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={start} disabled={jobId !== undefined && result === undefined && !error}>
        {t('fraud.runRules')}
      </Button>
      <ErrorAlert error={error} />
      {jobId && (
        <JobProgress
          key={jobId}
          jobsPath="/api/v1/audit/jobs"
          jobId={jobId}
          withFile={false}
          onEnded={ended}
        />
      )}
      {result && (
        <Alert type="success" showIcon title={t('fraud.runResult', result)} data-testid="rules-result" />
      )}
    </Space>
  );
}

export default function FraudAlertsPage() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [reloadKey, setReloadKey] = useState(0);
  const [triage, setTriage] = useState<{ alert: FraudAlert; action: TriageAction }>();
  const reload = useCallback(() => setReloadKey((n) => n + 1), []);
  const fetchPage = useCallback(
    (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: FraudAlert[]; total: number }>('/api/v1/audit/fraud-alerts', {
        ...(filters as Record<string, string>),
        page,
        pageSize,
      }),
    [api],
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <RunRules onEnded={reload} />
      <PagedList<FraudAlert>
        caption={t('fraud.alerts')}
        rowKey="alertId"
        fetchPage={fetchPage}
        reloadKey={reloadKey}
        exportPath="/api/v1/audit/fraud-alerts/export"
        filters={
          <>
            <Form.Item name="status" label={t('fraud.status')}>
              <Select
                allowClear
                style={{ width: 120 }}
                options={FRAUD_STATUSES.map((value) => ({ value, label: t(`fraud.status.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="ruleId" label={t('fraud.rule')}>
              <Select
                allowClear
                style={{ width: 260 }}
                options={FRAUD_RULE_IDS.map((value) => ({ value, label: t(`fraud.rule.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="jurisdiction"
              label={t('fraud.jurisdiction')}
              rules={[{ pattern: /^\d{6}$/, message: t('fraud.jurisdictionInvalid') }]}
            >
              <Input style={{ width: 110 }} />
            </Form.Item>
            <Form.Item
              name="entityId"
              label={t('fraud.entityId')}
              rules={[{ pattern: AUDIT_ID, message: t('audit.idInvalid') }]}
            >
              <Input style={{ width: 300 }} />
            </Form.Item>
          </>
        }
        columns={[
          { title: t('fraud.raisedAt'), dataIndex: 'raisedAt' },
          {
            title: t('fraud.rule'),
            dataIndex: 'ruleId',
            render: (ruleId: (typeof FRAUD_RULE_IDS)[number]) =>
              (FRAUD_RULE_IDS as readonly string[]).includes(ruleId) ? t(`fraud.rule.${ruleId}`) : ruleId,
          },
          {
            title: t('fraud.status'),
            dataIndex: 'status',
            render: (status: FraudStatus) => (
              <StatusTag tone={TONE[status]}>{t(`fraud.status.${status}`)}</StatusTag>
            ),
          },
          { title: t('fraud.jurisdiction'), dataIndex: 'jurisdictionCode' },
          {
            title: t('fraud.summary'),
            key: 'summary',
            render: (_: unknown, alert) => (lang === 'zh' ? alert.summaryZh : alert.summaryEn),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, alert) => (
              <Space wrap>
                {actionsFor(alert.status).map((action) => (
                  <Button key={action} size="small" onClick={() => setTriage({ alert, action })}>
                    {t(`fraud.${action}`)}
                  </Button>
                ))}
              </Space>
            ),
          },
        ]}
        expandable={{
          expandedRowRender: (alert: FraudAlert) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {t('fraud.figures')}：{factsText(alert.figures)}
              </Typography.Text>
              <Typography.Text>
                {t('fraud.entityId')}：{alert.entityIds.join(', ')}
              </Typography.Text>
              <Typography.Text>
                {t('fraud.evidence')}：{alert.evidenceEventIds.join(', ')}
              </Typography.Text>
              {alert.decidedBy && (
                <Typography.Text>
                  {t('fraud.decidedBy')}：{alert.decidedBy}；{t('fraud.reason')}：{alert.reason}
                  {alert.actions.length > 0 &&
                    `；${t('fraud.actionsTaken')}：${alert.actions
                      .map((a) => (a === 'clawback' || a === 'suspension' ? t(`fraud.action.${a}`) : a))
                      .join('、')}`}
                </Typography.Text>
              )}
            </Space>
          ),
        }}
      />
      <Modal
        open={triage !== undefined}
        title={triage ? `${t(`fraud.${triage.action}`)} · ${triage.alert.alertId}` : ''}
        footer={null}
        onCancel={() => setTriage(undefined)}
        destroyOnHidden
      >
        {triage && (
          <TriageForm
            alertId={triage.alert.alertId}
            action={triage.action}
            onDone={() => {
              setTriage(undefined);
              reload();
            }}
          />
        )}
      </Modal>
    </Space>
  );
}
