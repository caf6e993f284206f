// 申领补贴 (POST /api/v1/claims) for a completed class: the requested amount typed in yuan and sent as
// integer fen; the platform computes its own amount, and the claim's page shows the breakdown and the
// difference from the amount requested.
import { Button, Checkbox, Form, Input, Select } from 'antd';
import { useCallback } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { parseYuanToFen } from '../../money';
import { useRouter } from '../../shell/router';
import { CLAIM_KINDS, TRANCHES } from './claimTypes';

export default function SubmitClaimPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const { navigate } = useRouter();
  const [form] = Form.useForm();
  const classId = new URLSearchParams(window.location.search).get('classId') ?? undefined;
  const claimantKind = principal?.roles.includes('enterprise')
    ? 'enterprise'
    : principal?.roles.includes('worker')
      ? 'worker'
      : 'institution';
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send<{ id: string }>('POST', '/api/v1/claims', {
        kind: values.kind,
        tranche: values.tranche,
        ...(values.classId ? { classId: values.classId } : {}),
        claimantKind,
        requestedFen: parseYuanToFen(String(values.requested)),
        commitmentSigned: values.commitmentSigned === true,
        ...(values.differenceReason ? { differenceReason: values.differenceReason } : {}),
      }),
    [api, claimantKind],
  );
  const { submit, error, sending } = useApiForm(form, send);
  const required = (field: MessageKey) => [
    { required: true, message: t('common.required', { field: t(field) }) },
  ];
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ kind: 'training_per_day', tranche: 'certificate', classId }}
      onFinish={async (values) => {
        const answer = await submit(values);
        if (answer) navigate(`/claims/${answer.id}`);
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item name="kind" label={t('claim.kind')} rules={required('claim.kind')}>
        <Select options={CLAIM_KINDS.map((value) => ({ value, label: t(`claim.kind.${value}`) }))} />
      </Form.Item>
      <Form.Item name="tranche" label={t('claim.tranche')} rules={required('claim.tranche')}>
        <Select options={TRANCHES.map((value) => ({ value, label: t(`claim.tranche.${value}`) }))} />
      </Form.Item>
      <Form.Item name="classId" label={t('claim.classId')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="requested"
        label={t('claim.requested')}
        rules={[
          ...required('claim.requested'),
          {
            validator: async (_: unknown, value: unknown) => {
              if (value && parseYuanToFen(String(value)) === undefined)
                throw new Error(t('claim.amountInvalid'));
            },
          },
        ]}
      >
        <Input inputMode="decimal" />
      </Form.Item>
      <Form.Item name="differenceReason" label={t('claim.differenceReason')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item
        name="commitmentSigned"
        valuePropName="checked"
        rules={[
          {
            validator: async (_: unknown, value: unknown) => {
              if (value !== true) throw new Error(t('claim.commitmentRequired'));
            },
          },
        ]}
      >
        <Checkbox>{t('claim.commitment')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}
