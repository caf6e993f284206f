// Triage of a fraud alert: start an investigation (a note, optional), confirm it (the actions it calls
// for — claw back the claims' subsidy, suspend the institutions — and a reason) or dismiss it (a reason).
// The reason is checked here before it is sent; an action the alert cannot take (the service's
// FRAUD_ALERT.ACTION_NOT_APPLICABLE) or a refused transition is shown above the form.
import { Button, Checkbox, Form, Input } from 'antd';
import { useCallback } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';

export type TriageAction = 'investigate' | 'confirm' | 'dismiss';

const ROUTE: Record<TriageAction, string> = {
  investigate: 'investigation',
  confirm: 'confirmation',
  dismiss: 'dismissal',
};

export function TriageForm({
  alertId,
  action,
  onDone,
}: {
  alertId: string;
  action: TriageAction;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send(
        'POST',
        `/api/v1/audit/fraud-alerts/${encodeURIComponent(alertId)}/${ROUTE[action]}`,
        action === 'investigate'
          ? { ...(typeof values.note === 'string' && values.note.trim() ? { note: values.note.trim() } : {}) }
          : {
              reason: String(values.reason).trim(),
              ...(action === 'confirm' ? { actions: values.actions ?? [] } : {}),
            },
      ),
    [action, alertId, api],
  );
  const { submit, error, sending } = useApiForm(form, send);
  const reasonRules = [
    { required: true, whitespace: true, message: t('fraud.reasonRequired') },
    { min: 4, transform: (value: string) => value.trim(), message: t('fraud.reasonTooShort') },
  ];
  return (
    <Form
      form={form}
      layout="vertical"
      name={`triage-${action}`}
      initialValues={{ actions: [] }}
      onFinish={async (values) => (await submit(values)) !== undefined && onDone()}
    >
      <ErrorAlert error={error} />
      {action === 'investigate' && (
        <Form.Item name="note" label={t('fraud.note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      )}
      {action === 'confirm' && (
        <Form.Item name="actions" label={t('fraud.actions')}>
          <Checkbox.Group
            options={(['clawback', 'suspension'] as const).map((value) => ({
              value,
              label: t(`fraud.action.${value}`),
            }))}
          />
        </Form.Item>
      )}
      {action !== 'investigate' && (
        <Form.Item name="reason" label={t('fraud.reason')} rules={reasonRules} validateFirst>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      )}
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={sending}>
          {t(`fraud.${action}`)}
        </Button>
      </Form.Item>
    </Form>
  );
}
