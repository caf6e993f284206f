// Registering a worker (POST /api/v1/workers): the form checks what it can before sending; every rule the
// API refuses comes back next to its field (all of them at once), in the chosen language.
import { Alert, Button, Checkbox, Form, Input, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import { CATEGORIES } from './WorkersPage';

export const EDUCATIONS = [
  'none',
  'primary',
  'junior_secondary',
  'senior_secondary',
  'secondary_vocational',
  'junior_college',
  'bachelor',
  'postgraduate',
] as const;

export function RegisterWorkerForm({
  onRegistered,
  initialValues = {},
}: {
  onRegistered: (workerId: string) => void;
  initialValues?: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [form] = Form.useForm();
  const send = useCallback(
    (values: Record<string, unknown>) =>
      api.send<{ id: string }>('POST', '/api/v1/workers', {
        ...values,
        keyGroups: [],
        ableToWork: values.ableToWork === true,
        willingToWork: values.willingToWork === true,
        hardToMoveIntoWork: values.hardToMoveIntoWork === true,
      }),
    [api],
  );
  const { submit, error, sending } = useApiForm(form, send);
  const required = (field: Parameters<typeof t>[0]) => [
    { required: true, message: t('common.required', { field: t(field) }) },
  ];
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{
        jurisdiction: principal?.jurisdiction,
        ableToWork: true,
        willingToWork: true,
        hardToMoveIntoWork: false,
        ...initialValues,
      }}
      onFinish={async (values) => {
        const answer = await submit(values);
        if (answer) onRegistered(answer.id);
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item name="idNumber" label={t('worker.idNumber')} rules={required('worker.idNumber')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('worker.name')} rules={required('worker.name')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="gender" label={t('worker.gender')} rules={required('worker.gender')}>
        <Select
          options={(['male', 'female'] as const).map((value) => ({
            value,
            label: t(`worker.gender.${value}`),
          }))}
        />
      </Form.Item>
      <Form.Item name="birthDate" label={t('worker.birthDate')} rules={required('worker.birthDate')}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="phone" label={t('worker.phone')} rules={required('worker.phone')}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="jurisdiction" label={t('worker.jurisdiction')} rules={required('worker.jurisdiction')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="hukouJurisdiction"
        label={t('worker.hukouJurisdiction')}
        rules={required('worker.hukouJurisdiction')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="residenceJurisdiction"
        label={t('worker.residenceJurisdiction')}
        rules={required('worker.residenceJurisdiction')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="education" label={t('worker.education')} rules={required('worker.education')}>
        <Select options={EDUCATIONS.map((value) => ({ value, label: t(`education.${value}`) }))} />
      </Form.Item>
      <Form.Item name="category" label={t('worker.category')} rules={required('worker.category')}>
        <Select options={CATEGORIES.map((value) => ({ value, label: t(`worker.category.${value}`) }))} />
      </Form.Item>
      <Form.Item name="ableToWork" valuePropName="checked">
        <Checkbox>{t('worker.ableToWork')}</Checkbox>
      </Form.Item>
      <Form.Item name="willingToWork" valuePropName="checked">
        <Checkbox>{t('worker.willingToWork')}</Checkbox>
      </Form.Item>
      <Form.Item
        name="hardToMoveIntoWork"
        valuePropName="checked"
        extra={t('worker.hardToMoveIntoWork.hint')}
      >
        <Checkbox>{t('worker.hardToMoveIntoWork')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}

export default function RegisterWorkerPage() {
  const { t } = useI18n();
  const [registered, setRegistered] = useState<string>();
  return (
    <>
      {registered && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('worker.registered', { id: registered })}
          style={{ marginBottom: 16 }}
        />
      )}
      <RegisterWorkerForm onRegistered={setRegistered} />
    </>
  );
}
