// The fraud alerts: the rules' findings over the audit copy, a page at a time (GET
// /api/v1/audit/fraud-alerts), filtered by status, rule, an entity they name, the jurisdiction and when
// they were raised, exported to .xlsx with the same filters; an alert opens to its figures, its evidence
// events and the entities it names (each opening its timeline) and its triage. "Run the rules" runs
// every rule now (POST /api/v1/audit/fraud-rules/run): the service answers when the scan is over, so the
// console shows it running with the time spent, then what each rule found.
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import { Facts, JURISDICTION, TimelineLink, UUID, beijingDateTime, textOr, trimmed } from './auditShared';
import { TriageForm, type AlertStatus } from './TriageForm';

export interface FraudAlert {
  readonly alertId: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly status: AlertStatus;
  readonly jurisdictionCode: string;
  readonly summaryZh: string;
  readonly summaryEn: string;
  readonly figures: Record<string, unknown>;
  readonly evidenceEventIds: readonly string[];
  readonly entityIds: readonly string[];
  readonly raisedAt: string;
  readonly updatedAt: string;
  readonly decidedBy?: string;
  readonly reason?: string;
  readonly actions: readonly string[];
}

interface FraudScanResult {
  readonly findings: number;
  readonly raised: number;
  readonly rules: readonly { ruleId: string; version: number; findings: number }[];
}

export const RULE_IDS = [
  'worker-two-sites-at-once',
  'device-many-workers-in-seconds',
  'impossible-travel',
  'attendance-above-inspected-headcount',
  'worker-in-overlapping-classes-of-two-institutions',
  'certificate-below-attendance-minimum',
  'subsidies-above-yearly-limit',
  'implausible-pass-rate-at-volume',
  'one-account-several-claimants',
] as const;
const STATUSES: readonly AlertStatus[] = ['open', 'investigating', 'confirmed', 'dismissed'];
const TONE: Record<AlertStatus, 'red' | 'orange' | 'green' | 'default'> = {
  open: 'red',
  investigating: 'orange',
  confirmed: 'green',
  dismissed: 'default',
};

/** the list's query from the filter form: times typed in Beijing time */
export function alertQuery(filters: Record<string, unknown>): Record<string, unknown> {
  return {
    ...filters,
    entityId: typeof filters.entityId === 'string' ? filters.entityId.trim() || undefined : undefined,
    raisedFrom: beijingDateTime(filters.raisedFrom),
    raisedTo: beijingDateTime(filters.raisedTo),
  };
}

function RunRules({ onRan }: { onRan: () => void }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [running, setRunning] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [result, setResult] = useState<FraudScanResult>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!running) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(timer);
  }, [running]);
  const run = async () => {
    setRunning(true);
    setSeconds(0);
    setResult(undefined);
    setError(undefined);
    try {
      setResult(await api.send<FraudScanResult>('POST', '/api/v1/audit/fraud-rules/run', {}));
      onRan();
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Button onClick={run} loading={running}>
        {t('audit.runRules')}
      </Button>
      <ErrorAlert error={error} />
      {(running || result) && (
        <Card size="small" title={t('job.title')} data-testid="rules-run">
          {running && (
            <Space role="status" aria-live="polite">
              <Spin aria-label={t('job.running')} />
              <Typography.Text>{t('audit.runningRules', { seconds })}</Typography.Text>
            </Space>
          )}
          {result && (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong role="status">
                {t('audit.rulesRan', { findings: result.findings, raised: result.raised })}
              </Typography.Text>
              <Table
                aria-label={t('audit.ruleFindings')}
                size="small"
                rowKey="ruleId"
                pagination={false}
                dataSource={[...result.rules]}
                columns={[
                  {
                    title: t('audit.alertRule'),
                    dataIndex: 'ruleId',
                    render: (ruleId: string) => textOr(t, `audit.rule.${ruleId}`, ruleId),
                  },
                  { title: t('audit.ruleVersion'), dataIndex: 'version' },
                  { title: t('audit.findings'), dataIndex: 'findings' },
                ]}
              />
            </Space>
          )}
        </Card>
      )}
    </Space>
  );
}

function AlertDetail({ alert, onChanged }: { alert: FraudAlert; onChanged: (status: AlertStatus) => void }) {
  const { t, lang } = useI18n();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="alert-detail">
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('audit.alertRule')}>
          {textOr(t, `audit.rule.${alert.ruleId}`, alert.ruleId)}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.ruleVersion')}>{alert.ruleVersion}</Descriptions.Item>
        <Descriptions.Item label={t('audit.alertStatus')}>
          <StatusTag tone={TONE[alert.status]}>{t(`audit.alertStatus.${alert.status}`)}</StatusTag>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.jurisdiction')}>{alert.jurisdictionCode}</Descriptions.Item>
        <Descriptions.Item label={t('audit.raisedAt')}>{alert.raisedAt}</Descriptions.Item>
        <Descriptions.Item label={t('audit.summary')}>
          {lang === 'zh' ? alert.summaryZh : alert.summaryEn}
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.figures')}>
          <Facts facts={alert.figures} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.evidence')}>
          <ul style={{ margin: 0, paddingLeft: 16 }} data-testid="alert-evidence">
            {alert.evidenceEventIds.map((id) => (
              <li key={id}>
                <TimelineLink id={id} />
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.entities')}>
          <ul style={{ margin: 0, paddingLeft: 16 }}>
            {alert.entityIds.map((id) => (
              <li key={id}>
                <TimelineLink id={id} />
              </li>
            ))}
          </ul>
        </Descriptions.Item>
        {alert.decidedBy && (
          <Descriptions.Item label={t('audit.decidedBy')}>{alert.decidedBy}</Descriptions.Item>
        )}
        {alert.reason && (
          <Descriptions.Item label={t('audit.decisionReason')}>{alert.reason}</Descriptions.Item>
        )}
        {alert.actions.length > 0 && (
          <Descriptions.Item label={t('audit.requestedActions')}>
            {alert.actions.map((action) => textOr(t, `audit.action.${action}`, action)).join('、')}
          </Descriptions.Item>
        )}
      </Descriptions>
      <TriageForm
        key={alert.status}
        alertId={alert.alertId}
        status={alert.status}
        onChanged={(changed) => onChanged(changed.status)}
      />
    </Space>
  );
}

export default function FraudAlertsPage() {
  const { t, lang } = useI18n();
  const { api } = useSession();
  const [reloadKey, setReloadKey] = useState(0);
  const [open, setOpen] = useState<FraudAlert>();
  const fetchPage = useCallback(
    (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: FraudAlert[]; total: number }>('/api/v1/audit/fraud-alerts', {
        ...(alertQuery(filters) as Record<string, string>),
        page,
        pageSize,
      }),
    [api],
  );
  const changed = (status: AlertStatus) => {
    setOpen((alert) => alert && { ...alert, status });
    setReloadKey((key) => key + 1);
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <RunRules onRan={() => setReloadKey((key) => key + 1)} />
      <PagedList<FraudAlert>
        caption={t('audit.alerts')}
        rowKey="alertId"
        fetchPage={fetchPage}
        reloadKey={reloadKey}
        exportPath="/api/v1/audit/fraud-alerts/export"
        exportQuery={alertQuery}
        filters={
          <>
            <Form.Item name="status" label={t('audit.alertStatus')}>
              <Select
                allowClear
                style={{ width: 120 }}
                options={STATUSES.map((value) => ({ value, label: t(`audit.alertStatus.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="ruleId" label={t('audit.alertRule')}>
              <Select
                allowClear
                style={{ width: 280 }}
                popupMatchSelectWidth={false}
                options={RULE_IDS.map((value) => ({ value, label: t(`audit.rule.${value}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="entityId"
              normalize={trimmed}
              label={t('audit.entityIdOptional')}
              rules={[{ pattern: UUID, message: t('audit.uuidInvalid') }]}
            >
              <Input style={{ width: 300 }} />
            </Form.Item>
            <Form.Item
              name="jurisdiction"
              label={t('audit.jurisdiction')}
              rules={[{ pattern: JURISDICTION, message: t('audit.jurisdictionInvalid') }]}
            >
              <Input style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="raisedFrom" label={t('audit.raisedFrom')}>
              <Input type="datetime-local" />
            </Form.Item>
            <Form.Item name="raisedTo" label={t('audit.raisedTo')}>
              <Input type="datetime-local" />
            </Form.Item>
          </>
        }
        columns={[
          { title: t('audit.raisedAt'), dataIndex: 'raisedAt', width: 200 },
          {
            title: t('audit.alertRule'),
            dataIndex: 'ruleId',
            render: (ruleId: string) => textOr(t, `audit.rule.${ruleId}`, ruleId),
          },
          {
            title: t('audit.alertStatus'),
            dataIndex: 'status',
            render: (status: AlertStatus) => (
              <StatusTag tone={TONE[status]}>{t(`audit.alertStatus.${status}`)}</StatusTag>
            ),
          },
          { title: t('audit.jurisdiction'), dataIndex: 'jurisdictionCode' },
          {
            title: t('audit.summary'),
            key: 'summary',
            render: (_: unknown, alert) => (lang === 'zh' ? alert.summaryZh : alert.summaryEn),
          },
          {
            title: t('common.actions'),
            key: 'open',
            render: (_: unknown, alert) => (
              <Button size="small" onClick={() => setOpen(alert)}>
                {t('audit.details')}
              </Button>
            ),
          },
        ]}
      />
      <Drawer
        open={open !== undefined}
        onClose={() => setOpen(undefined)}
        title={t('audit.alertDetail')}
        size={720}
        destroyOnHidden
      >
        {open && <AlertDetail alert={open} onChanged={changed} />}
      </Drawer>
    </Space>
  );
}
