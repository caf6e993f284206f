// The audit copy's hash chains checked against the hashes the services computed when they stored their
// events (GET /api/v1/audit/verification, optionally one service): how many streams and events hold, and
// the first broken link of each broken stream with the reason.
import { Button, Descriptions, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';

interface AuditChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly broken: readonly {
    service: string;
    streamId: string;
    version: number;
    reason: 'hash_mismatch' | 'version_gap';
    detail: string;
  }[];
}

export default function ChainVerificationPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [report, setReport] = useState<AuditChainReport>();
  const [error, setError] = useState<unknown>();
  const [checking, setChecking] = useState(false);
  const verify = (values: { service?: string }) => {
    setChecking(true);
    setError(undefined);
    setReport(undefined);
    api
      .get<AuditChainReport>('/api/v1/audit/verification', { service: values.service?.trim() })
      .then(setReport, setError)
      .finally(() => setChecking(false));
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form layout="inline" name="chains" onFinish={verify}>
        <Form.Item
          name="service"
          label={t('audit.serviceOptional')}
          rules={[{ pattern: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, message: t('audit.serviceInvalid') }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={checking}>
            {t('audit.verify')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {report && (
        <>
          <Descriptions bordered size="small" column={1} data-testid="chain-report">
            <Descriptions.Item label={t('audit.chainStatus')}>
              <StatusTag tone={report.ok ? 'green' : 'red'}>
                {t(report.ok ? 'audit.chainsHold' : 'audit.chainsBroken')}
              </StatusTag>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.streams')}>{report.streams}</Descriptions.Item>
            <Descriptions.Item label={t('audit.events')}>{report.events}</Descriptions.Item>
          </Descriptions>
          <Table
            aria-label={t('audit.brokenLinks')}
            title={() => t('audit.brokenLinks')}
            rowKey={(row) => `${row.service}/${row.streamId}`}
            size="small"
            dataSource={[...report.broken]}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <EmptyText /> }}
            scroll={{ x: true }}
            columns={[
              { title: t('audit.service'), dataIndex: 'service' },
              { title: t('audit.stream'), dataIndex: 'streamId' },
              { title: t('audit.version'), dataIndex: 'version' },
              {
                title: t('audit.reason'),
                dataIndex: 'reason',
                render: (r: string) => t(`audit.reason.${r as 'hash_mismatch'}`),
              },
              { title: t('audit.detail'), dataIndex: 'detail' },
            ]}
          />
        </>
      )}
    </Space>
  );
}
