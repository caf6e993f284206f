// One place for the integrity of the record: the audit copy's hash chains (per service), the daily seals
// (signed, chained: how many, the last sealed day, gaps) and every service's own store read through its
// read-only role. "Verify now" runs the three checks one after the other (each a query of the audit
// service that answers when done) and shows how many are done, each check's state and its report.
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import type { AuditChainReport, SealVerificationReport, ServiceStoresReport } from './auditTypes';
import { SealCalendar } from './SealCalendar';
import { CopyChainsReport, OkTag, SealsReport, StoresReport } from './VerificationReports';

const CHECKS = [
  { key: 'copy', title: 'audit.copyChains', path: '/api/v1/audit/verification' },
  { key: 'seals', title: 'audit.seals', path: '/api/v1/audit/seals/verification' },
  { key: 'stores', title: 'audit.stores', path: '/api/v1/audit/stores/verification' },
] as const satisfies readonly { key: string; title: MessageKey; path: string }[];

type CheckKey = (typeof CHECKS)[number]['key'];
interface Reports {
  copy?: AuditChainReport;
  seals?: SealVerificationReport;
  stores?: ServiceStoresReport;
}
type State = 'pending' | 'running' | 'done' | 'failed';

export default function VerificationPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [reports, setReports] = useState<Reports>({});
  const [states, setStates] = useState<Record<CheckKey, State>>({
    copy: 'pending',
    seals: 'pending',
    stores: 'pending',
  });
  const [errors, setErrors] = useState<Partial<Record<CheckKey, unknown>>>({});
  const [running, setRunning] = useState(false);
  const [sealsReload, setSealsReload] = useState(0);
  const done = Object.values(states).filter((s) => s === 'done' || s === 'failed').length;

  const verifyAll = async () => {
    setRunning(true);
    setReports({});
    setErrors({});
    setStates({ copy: 'pending', seals: 'pending', stores: 'pending' });
    setSealsReload((n) => n + 1);
    for (const check of CHECKS) {
      setStates((s) => ({ ...s, [check.key]: 'running' }));
      try {
        const report = await api.get<Reports[typeof check.key]>(check.path);
        setReports((r) => ({ ...r, [check.key]: report }));
        setStates((s) => ({ ...s, [check.key]: 'done' }));
      } catch (caught) {
        setErrors((e) => ({ ...e, [check.key]: caught }));
        setStates((s) => ({ ...s, [check.key]: 'failed' }));
      }
    }
    setRunning(false);
  };

  const stateTag = (key: CheckKey) => {
    const state = states[key];
    const report = reports[key];
    if (state === 'done' && report) return <OkTag ok={report.ok} />;
    if (state === 'failed') return <StatusTag tone="red">{t('audit.problemsFound')}</StatusTag>;
    return (
      <StatusTag tone={state === 'running' ? 'blue' : 'default'}>
        {t(state === 'running' ? 'audit.running' : 'audit.pending')}
      </StatusTag>
    );
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card size="small" title={t('audit.checks')} data-testid="verification-progress">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" loading={running} onClick={() => void verifyAll()}>
            {t('audit.verifyAll')}
          </Button>
          <Progress
            percent={Math.floor((done * 100) / CHECKS.length)}
            status={running ? 'active' : Object.values(errors).length > 0 ? 'exception' : 'normal'}
            aria-label={t('audit.checks')}
          />
          <Typography.Text>{t('audit.checksDone', { done, total: CHECKS.length })}</Typography.Text>
        </Space>
      </Card>
      {CHECKS.map((check) => (
        <Card
          key={check.key}
          size="small"
          title={
            <Space>
              {t(check.title)}
              {stateTag(check.key)}
            </Space>
          }
          data-testid={`check-${check.key}`}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            {check.key === 'seals' && <SealCalendar reloadKey={sealsReload} />}
            <ErrorAlert error={errors[check.key]} />
            {check.key === 'copy' && reports.copy && <CopyChainsReport report={reports.copy} />}
            {check.key === 'seals' && reports.seals && <SealsReport report={reports.seals} />}
            {check.key === 'stores' && reports.stores && <StoresReport report={reports.stores} />}
          </Space>
        </Card>
      ))}
    </Space>
  );
}
