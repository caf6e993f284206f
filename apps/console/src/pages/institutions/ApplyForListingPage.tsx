// An institution applies for listing in the directory (POST /api/v1/institutions): its particulars, bank
// account, site, one line each of equipment, scope and full-time teacher (more are added afterwards).
// Every failed rule is shown next to its field, nested fields included (bankAccount.accountNumber, …).
import { Alert, Button, Divider, Form, Input, InputNumber, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';

const TYPES = [
  'vocational_college',
  'technical_school',
  'private_training_school',
  'enterprise_training_centre',
] as const;

/** the form's values as the ApplyForListing command */
interface ApplicationValues {
  [field: string]: unknown;
  bankAccount?: Record<string, unknown>;
  equipment?: Record<string, unknown>[];
  scope?: { occupationCode?: string; levels?: number[] }[];
  teachers?: Record<string, unknown>[];
}

export function applicationOf(values: ApplicationValues, institutionId: string, teacherId: string) {
  return {
    institutionId,
    name: values.name,
    creditCode: values.creditCode,
    type: values.type,
    jurisdiction: values.jurisdiction,
    licenceNumber: values.licenceNumber,
    bankAccount: values.bankAccount ?? {},
    siteAreaM2: values.siteAreaM2,
    equipment: [values.equipment?.[0] ?? {}],
    scope: [{ occupationCode: values.scope?.[0]?.occupationCode, levels: values.scope?.[0]?.levels ?? [] }],
    ...(values.annualInspectionPassedYear
      ? { annualInspectionPassedYear: values.annualInspectionPassedYear }
      : {}),
    ...(values.liabilityIncidentFreeSince
      ? { liabilityIncidentFreeSince: values.liabilityIncidentFreeSince }
      : {}),
    teachers: [
      {
        teacherId,
        fullTime: true,
        occupationCodes: [values.scope?.[0]?.occupationCode].filter(Boolean),
        ...(values.teachers?.[0] ?? {}),
      },
    ],
  };
}

export default function ApplyForListingPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [form] = Form.useForm();
  const [applied, setApplied] = useState<string>();
  const send = useCallback(
    (values: Record<string, unknown>) => {
      const institutionId = principal?.institutionId ?? crypto.randomUUID();
      return api
        .send('POST', '/api/v1/institutions', applicationOf(values, institutionId, crypto.randomUUID()))
        .then(() => institutionId);
    },
    [api, principal],
  );
  const { submit, error, sending } = useApiForm(form, send);
  const required = (field: MessageKey) => [
    { required: true, message: t('common.required', { field: t(field) }) },
  ];
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 640 }}
      initialValues={{ jurisdiction: principal?.jurisdiction }}
      onFinish={async (values) => {
        const id = await submit(values);
        if (id) setApplied(id);
      }}
    >
      {applied && (
        <Alert type="success" showIcon role="status" title={t('institution.applied', { id: applied })} />
      )}
      <ErrorAlert error={error} />
      <Form.Item name="name" label={t('institution.name')} rules={required('institution.name')}>
        <Input />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('institution.creditCode')}
        rules={required('institution.creditCode')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="type" label={t('institution.type')} rules={required('institution.type')}>
        <Select options={TYPES.map((value) => ({ value, label: t(`institution.type.${value}`) }))} />
      </Form.Item>
      <Form.Item
        name="jurisdiction"
        label={t('institution.jurisdiction')}
        rules={required('institution.jurisdiction')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="licenceNumber"
        label={t('institution.licenceNumber')}
        rules={required('institution.licenceNumber')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="siteAreaM2" label={t('institution.siteArea')} rules={required('institution.siteArea')}>
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="annualInspectionPassedYear" label={t('institution.annualInspectionPassedYear')}>
        <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="liabilityIncidentFreeSince" label={t('institution.liabilityIncidentFreeSince')}>
        <Input type="date" />
      </Form.Item>
      <Divider />
      <Form.Item
        name={['bankAccount', 'bankName']}
        label={t('institution.bankName')}
        rules={required('institution.bankName')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name={['bankAccount', 'accountName']}
        label={t('institution.accountName')}
        rules={required('institution.accountName')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name={['bankAccount', 'accountNumber']}
        label={t('institution.accountNumber')}
        rules={required('institution.accountNumber')}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Divider />
      <Form.Item
        name={['equipment', 0, 'name']}
        label={t('institution.equipmentName')}
        rules={required('institution.equipmentName')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name={['equipment', 0, 'quantity']}
        label={t('institution.equipmentQuantity')}
        rules={required('institution.equipmentQuantity')}
      >
        <InputNumber min={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name={['scope', 0, 'occupationCode']}
        label={t('institution.occupationCode')}
        rules={required('institution.occupationCode')}
      >
        <Input placeholder="4-01-02-01" />
      </Form.Item>
      <Form.Item
        name={['scope', 0, 'levels']}
        label={t('institution.levels')}
        rules={required('institution.levels')}
      >
        <Select
          mode="multiple"
          options={[1, 2, 3, 4, 5].map((level) => ({ value: level, label: String(level) }))}
        />
      </Form.Item>
      <Divider />
      <Form.Item
        name={['teachers', 0, 'name']}
        label={t('institution.teacherName')}
        rules={required('institution.teacherName')}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name={['teachers', 0, 'idNumber']}
        label={t('institution.teacherIdNumber')}
        rules={required('institution.teacherIdNumber')}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name={['teachers', 0, 'certificateNumber']} label={t('institution.teacherCertificate')}>
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('common.submit')}
      </Button>
    </Form>
  );
}
