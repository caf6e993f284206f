// An institution's check-in devices (GET /api/v1/institutions/:id/devices), registering one
// (POST /api/v1/devices). An institution clerk
// sees their own; an officer names the institution.
import { Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { StatusTag } from '../../components/StatusTag';
import { EmptyText } from '../../components/EmptyText';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';

interface DeviceView {
  deviceId: string;
  serialNumber: string;
  siteName: string;
  siteAddress?: string;
  kind: 'fingerprint' | 'face';
  status: 'active' | 'revoked';
  registeredOn: string;
}

export default function DevicesPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [institutionId, setInstitutionId] = useState(principal?.institutionId ?? '');
  const [devices, setDevices] = useState<DeviceView[]>([]);
  const [error, setError] = useState<unknown>();
  // a device just registered: the list (a read model, updated a moment after the command) is asked again
  // until it shows it, a bounded number of times
  const [awaited, setAwaited] = useState<{ deviceId: string; tries: number }>();
  const [form] = Form.useForm();

  useEffect(() => {
    if (!/^[0-9a-f-]{36}$/i.test(institutionId)) return;
    setError(undefined);
    let timer: ReturnType<typeof setTimeout> | undefined;
    api.get<{ items: DeviceView[] }>(`/api/v1/institutions/${institutionId}/devices`).then((answer) => {
      setDevices(answer.items);
      if (!awaited) return;
      if (answer.items.some((device) => device.deviceId === awaited.deviceId)) setAwaited(undefined);
      else if (awaited.tries < 20)
        timer = setTimeout(() => setAwaited({ ...awaited, tries: awaited.tries + 1 }), 300);
    }, setError);
    return () => {
      if (timer) clearTimeout(timer);
    };
  }, [api, institutionId, awaited]);

  const send = useCallback(
    async (values: Record<string, unknown>) => {
      const deviceId = crypto.randomUUID();
      await api.send('POST', '/api/v1/devices', { ...values, deviceId, institutionId });
      return deviceId;
    },
    [api, institutionId],
  );
  const { submit, error: formError, sending } = useApiForm(form, send);
  const required = (field: MessageKey) => [
    { required: true, message: t('common.required', { field: t(field) }) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {!principal?.institutionId && (
        <Form
          layout="inline"
          onFinish={(values: { institutionId: string }) => setInstitutionId(values.institutionId.trim())}
        >
          <Form.Item
            name="institutionId"
            label={t('device.institution')}
            rules={required('device.institution')}
          >
            <Input style={{ width: 340 }} />
          </Form.Item>
          <Button htmlType="submit">{t('list.filter')}</Button>
        </Form>
      )}
      <ErrorAlert error={error} />
      <Table<DeviceView>
        aria-label={t('nav.devices')}
        rowKey="deviceId"
        dataSource={devices}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <EmptyText /> }}
        columns={[
          { title: t('device.serialNumber'), dataIndex: 'serialNumber' },
          { title: t('device.siteName'), dataIndex: 'siteName' },
          {
            title: t('device.kind'),
            dataIndex: 'kind',
            render: (k: DeviceView['kind']) => t(`device.kind.${k}`),
          },
          {
            title: t('device.status'),
            dataIndex: 'status',
            render: (s: DeviceView['status']) => (
              <StatusTag tone={s === 'active' ? 'green' : 'default'}>{t(`device.status.${s}`)}</StatusTag>
            ),
          },
          { title: t('worker.registeredOn'), dataIndex: 'registeredOn' },
        ]}
      />
      {institutionId && (
        <Card title={t('device.register')} size="small" style={{ maxWidth: 560 }}>
          <Form
            form={form}
            layout="vertical"
            onFinish={async (values) => {
              const deviceId = await submit(values);
              if (deviceId !== undefined) {
                form.resetFields();
                setAwaited({ deviceId, tries: 0 });
              }
            }}
          >
            <ErrorAlert error={formError} />
            <Form.Item
              name="serialNumber"
              label={t('device.serialNumber')}
              rules={required('device.serialNumber')}
            >
              <Input />
            </Form.Item>
            <Form.Item name="siteName" label={t('device.siteName')} rules={required('device.siteName')}>
              <Input />
            </Form.Item>
            <Form.Item name="siteAddress" label={t('device.siteAddress')}>
              <Input />
            </Form.Item>
            <Form.Item name="kind" label={t('device.kind')} rules={required('device.kind')}>
              <Select
                options={(['fingerprint', 'face'] as const).map((value) => ({
                  value,
                  label: t(`device.kind.${value}`),
                }))}
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={sending}>
              {t('device.register')}
            </Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
