// A claim in the audit copy: replayed as it stood at a chosen time, and recomputed under the policy as
// it stood when it was submitted, with the differences per line. The time typed is Beijing time.
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { AUDIT_ID, type ClaimAsOf, type Recomputation } from './auditTypes';
import { ClaimAsOfView } from './ClaimAsOfView';
import { RecomputationView } from './RecomputationView';

/** `2026-03-01T08:00` typed in the form → `2026-03-01T08:00:00+08:00` */
export const beijingTime = (local: string): string => `${local.length === 16 ? `${local}:00` : local}+08:00`;

export default function ClaimAuditPage({ params }: { params?: Record<string, string> }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const [replay, setReplay] = useState<ClaimAsOf>();
  const [recomputation, setRecomputation] = useState<Recomputation>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<'replay' | 'recompute'>();
  const path = (claimId: string) => `/api/v1/audit/claims/${encodeURIComponent(claimId.trim())}`;
  const run = async (what: 'replay' | 'recompute') => {
    const fields = what === 'replay' ? ['claimId', 'asOf'] : ['claimId'];
    const values = (await form.validateFields(fields).catch(() => undefined)) as
      { claimId: string; asOf?: string } | undefined;
    if (!values) return;
    setBusy(what);
    setError(undefined);
    try {
      if (what === 'replay')
        setReplay(
          await api.get<ClaimAsOf>(`${path(values.claimId)}/as-of`, { asOf: beijingTime(values.asOf!) }),
        );
      else setRecomputation(await api.get<Recomputation>(`${path(values.claimId)}/recomputation`));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form form={form} layout="inline" name="claim-audit" initialValues={{ claimId: params?.claimId }}>
        <Form.Item
          name="claimId"
          label={t('audit.claimId')}
          rules={[
            { required: true, message: t('common.required', { field: t('audit.claimId') }) },
            { pattern: AUDIT_ID, message: t('audit.idInvalid') },
          ]}
        >
          <Input style={{ width: 320 }} />
        </Form.Item>
        <Form.Item
          name="asOf"
          label={t('audit.asOf')}
          rules={[{ required: true, message: t('common.required', { field: t('audit.asOf') }) }]}
        >
          <Input type="datetime-local" step={1} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" loading={busy === 'replay'} onClick={() => void run('replay')}>
              {t('audit.replay')}
            </Button>
            <Button loading={busy === 'recompute'} onClick={() => void run('recompute')}>
              {t('audit.recompute')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {replay && <ClaimAsOfView replay={replay} />}
      {recomputation && <RecomputationView result={recomputation} />}
    </Space>
  );
}
