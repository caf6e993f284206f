// An objection to a claim: from anyone on the public notice page (no login; the contact is kept from the
// events and shown to officers only) or from a trainee named in the claim. The statement is required
// (at most 2 000 characters), the contact at most 200 — checked here before sending, and every rule the
// API refuses shown at its field.
import { Alert, Button, Form, Input } from 'antd';
import { useRef, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';

export const STATEMENT_MAX = 2000;
export const CONTACT_MAX = 200;

export function ObjectionForm({
  path,
  withContact,
  onRaised,
}: {
  /** the route the objection goes to (public or the trainee's) */
  path: string;
  withContact: boolean;
  onRaised?: (objectionId: string) => void;
}) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const key = useRef(crypto.randomUUID());
  const [raised, setRaised] = useState<string>();
  const { submit, error, sending } = useApiForm(form, (values) =>
    api.send<{ id: string }>(
      'POST',
      path,
      {
        statement: String(values.statement).trim(),
        ...(withContact && values.contact ? { contact: String(values.contact).trim() } : {}),
      },
      key.current,
    ),
  );
  if (raised)
    return (
      <Alert
        type="success"
        showIcon
        role="status"
        title={t('objection.raised')}
        description={t('objection.raisedId', { id: raised })}
      />
    );
  return (
    <Form
      name="objection"
      form={form}
      layout="vertical"
      onFinish={async (values: Record<string, unknown>) => {
        const answer = await submit(values);
        if (!answer) return;
        setRaised(answer.id);
        onRaised?.(answer.id);
      }}
    >
      <Form.Item
        name="statement"
        label={t('objection.statement')}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('common.required', { field: t('objection.statement') }),
          },
          { max: STATEMENT_MAX, message: t('objection.tooLong', { max: STATEMENT_MAX }) },
        ]}
      >
        <Input.TextArea rows={4} showCount maxLength={STATEMENT_MAX + 1} />
      </Form.Item>
      {withContact && (
        <Form.Item
          name="contact"
          label={t('objection.contact')}
          extra={t('objection.contactHint')}
          rules={[{ max: CONTACT_MAX, message: t('objection.tooLong', { max: CONTACT_MAX }) }]}
        >
          <Input />
        </Form.Item>
      )}
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={sending} style={{ marginTop: 8 }}>
        {t('objection.submit')}
      </Button>
    </Form>
  );
}
