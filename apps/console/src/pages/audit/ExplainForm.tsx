// What "explain this yuan" asks for: a payment id or a claim id (one at least), and for a claim,
// optionally one trainee's line. Checked here before anything is sent.
import { Button, Form, Input } from 'antd';
import { useI18n } from '../../i18n/i18n';
import { AUDIT_ID } from './auditTypes';

export interface ExplainQuery {
  readonly paymentId?: string;
  readonly claimId?: string;
  readonly workerId?: string;
}

const trimmed = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

export function ExplainForm({ onExplain }: { onExplain: (query: ExplainQuery) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm();
  const oneOf = {
    validator: async () => {
      if (!trimmed(form.getFieldValue('paymentId')) && !trimmed(form.getFieldValue('claimId')))
        throw new Error(t('audit.explainNeedsOne'));
    },
  };
  // an id pasted with spaces around it is taken trimmed
  const idRule = {
    validator: async (_: unknown, value: unknown) => {
      const id = trimmed(value);
      if (id !== undefined && !AUDIT_ID.test(id)) throw new Error(t('audit.idInvalid'));
    },
  };
  return (
    <Form
      form={form}
      layout="inline"
      name="explain"
      onFinish={(values: Record<string, unknown>) =>
        onExplain({
          paymentId: trimmed(values.paymentId),
          claimId: trimmed(values.claimId),
          workerId: trimmed(values.workerId),
        })
      }
      onValuesChange={(changed: Record<string, unknown>) => {
        if ('paymentId' in changed || 'claimId' in changed)
          void form.validateFields(['paymentId', 'claimId']).catch(() => undefined);
      }}
    >
      <Form.Item name="paymentId" label={t('audit.paymentId')} rules={[idRule, oneOf]}>
        <Input style={{ width: 320 }} />
      </Form.Item>
      <Form.Item name="claimId" label={t('audit.claimId')} rules={[idRule, oneOf]}>
        <Input style={{ width: 320 }} />
      </Form.Item>
      <Form.Item name="workerId" label={t('audit.workerId')} rules={[idRule]}>
        <Input style={{ width: 320 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.explain')}
        </Button>
      </Form.Item>
    </Form>
  );
}
