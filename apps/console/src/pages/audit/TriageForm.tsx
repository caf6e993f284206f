// An alert's triage (open → investigating → confirmed or dismissed): what the alert's status allows,
// each with what the audit service requires — a note at most 1 000 characters to start investigating;
// at least one action (clawback, suspension) and a reason of 5 to 2 000 characters to confirm; a reason
// to dismiss. Checked here before sending; the service's refusals are shown next to their fields.
import { App, Button, Checkbox, Form, Input, Radio, Space } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';

export type AlertStatus = 'open' | 'investigating' | 'confirmed' | 'dismissed';
type Decision = 'investigate' | 'confirm' | 'dismiss';

export interface AlertChanged {
  readonly alertId: string;
  readonly status: AlertStatus;
  readonly version: number;
}

/** what an alert of that status may become */
export const DECISIONS: Record<AlertStatus, readonly Decision[]> = {
  open: ['investigate', 'dismiss'],
  investigating: ['confirm', 'dismiss'],
  confirmed: [],
  dismissed: [],
};

const ROUTE: Record<Decision, string> = {
  investigate: 'investigation',
  confirm: 'confirmation',
  dismiss: 'dismissal',
};

/** the command's route and body from the form's values */
export function triageRequest(
  alertId: string,
  values: { decision: Decision; note?: string; reason?: string; actions?: string[] },
): { path: string; body: Record<string, unknown> } {
  const path = `/api/v1/audit/fraud-alerts/${encodeURIComponent(alertId)}/${ROUTE[values.decision]}`;
  if (values.decision === 'investigate')
    return { path, body: values.note?.trim() ? { note: values.note.trim() } : {} };
  if (values.decision === 'confirm')
    return { path, body: { actions: values.actions ?? [], reason: values.reason?.trim() ?? '' } };
  return { path, body: { reason: values.reason?.trim() ?? '' } };
}

export function TriageForm({
  alertId,
  status,
  onChanged,
}: {
  alertId: string;
  status: AlertStatus;
  onChanged: (changed: AlertChanged) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const decisions = DECISIONS[status];
  const [decision, setDecision] = useState<Decision | undefined>(decisions[0]);
  const { submit, error, sending } = useApiForm(form, (values) => {
    const request = triageRequest(alertId, values as Parameters<typeof triageRequest>[1]);
    return api.send<AlertChanged>('POST', request.path, request.body);
  });
  if (decision === undefined) return null;
  const label: Record<Decision, string> = {
    investigate: t('audit.startInvestigation'),
    confirm: t('audit.confirmAlert'),
    dismiss: t('audit.dismissAlert'),
  };
  const reasonRules = [
    { required: true, whitespace: true, message: t('audit.reasonRequired') },
    { min: 5, message: t('audit.reasonTooShort') },
    { max: 2000, message: t('audit.reasonTooLong') },
  ];
  return (
    <Form
      form={form}
      name={`triage-${alertId}`}
      layout="vertical"
      initialValues={{ decision: decisions[0] }}
      data-testid="triage-form"
      onFinish={async (values: Record<string, unknown>) => {
        const changed = await submit({ decision, ...values });
        if (changed) {
          void message.success(t('audit.alertChanged', { status: t(`audit.alertStatus.${changed.status}`) }));
          form.resetFields();
          onChanged(changed);
        }
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item name="decision" label={t('audit.triage')}>
        <Radio.Group
          aria-label={t('audit.triage')}
          onChange={(event) => setDecision(event.target.value as Decision)}
          optionType="button"
          options={decisions.map((value) => ({ value, label: label[value] }))}
        />
      </Form.Item>
      {decision === 'investigate' && (
        <Form.Item
          name="note"
          label={t('audit.note')}
          rules={[{ max: 1000, message: t('audit.noteTooLong') }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
      {decision === 'confirm' && (
        <Form.Item
          name="actions"
          label={t('audit.actions')}
          rules={[{ required: true, type: 'array', min: 1, message: t('audit.actionsRequired') }]}
        >
          <Checkbox.Group
            options={[
              { value: 'clawback', label: t('audit.action.clawback') },
              { value: 'suspension', label: t('audit.action.suspension') },
            ]}
          />
        </Form.Item>
      )}
      {decision !== 'investigate' && (
        <Form.Item name="reason" label={t('audit.reasonText')} rules={reasonRules}>
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={sending} danger={decision !== 'investigate'}>
            {label[decision]}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
