// What each verification found: the audit copy's chains, the copy against the daily seals, and every
// service's own event store read through its read-only role against the copy.
import { Descriptions, Table } from 'antd';
import { EmptyText } from '../../components/EmptyText';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import type {
  AuditChainReport,
  SealVerificationReport,
  ServiceStoreReport,
  ServiceStoresReport,
} from './auditTypes';

export function OkTag({ ok }: { ok: boolean }) {
  const { t } = useI18n();
  return <StatusTag tone={ok ? 'green' : 'red'}>{t(ok ? 'audit.ok' : 'audit.problemsFound')}</StatusTag>;
}

export function CopyChainsReport({ report }: { report: AuditChainReport }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions bordered size="small" column={1} data-testid="copy-chains-report">
        <Descriptions.Item label={t('audit.chainStatus')}>
          <OkTag ok={report.ok} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.streams')}>{report.streams}</Descriptions.Item>
        <Descriptions.Item label={t('audit.events')}>{report.events}</Descriptions.Item>
      </Descriptions>
      {report.broken.length > 0 && (
        <Table
          aria-label={t('audit.brokenLinks')}
          rowKey={(row) => `${row.service}/${row.streamId}`}
          size="small"
          dataSource={[...report.broken]}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('audit.service'), dataIndex: 'service' },
            { title: t('audit.stream'), dataIndex: 'streamId' },
            { title: t('audit.version'), dataIndex: 'version' },
            {
              title: t('audit.reason'),
              dataIndex: 'reason',
              render: (r: 'hash_mismatch') => t(`audit.reason.${r}`),
            },
          ]}
        />
      )}
    </>
  );
}

export function SealsReport({ report }: { report: SealVerificationReport }) {
  const { t } = useI18n();
  return (
    <>
      <Descriptions bordered size="small" column={1} data-testid="seals-report">
        <Descriptions.Item label={t('audit.chainStatus')}>
          <OkTag ok={report.ok} />
        </Descriptions.Item>
        <Descriptions.Item label={t('audit.sealCount')}>{report.seals}</Descriptions.Item>
        <Descriptions.Item label={t('audit.lastSealedDay')}>{report.lastDay ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('audit.eventsChecked')}>{report.eventsChecked}</Descriptions.Item>
        <Descriptions.Item label={t('audit.eventsNotSealed')}>{report.eventsNotSealed}</Descriptions.Item>
      </Descriptions>
      {report.problems.length > 0 && (
        <Table
          aria-label={t('audit.problems')}
          rowKey={(row) => `${row.day}/${row.kind}/${row.service ?? ''}`}
          size="small"
          dataSource={[...report.problems]}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: t('audit.day'), dataIndex: 'day' },
            { title: t('audit.problemKind'), dataIndex: 'kind' },
            { title: t('audit.service'), dataIndex: 'service' },
            { title: t('audit.detail'), dataIndex: 'detail' },
          ]}
        />
      )}
    </>
  );
}

export function StoresReport({ report }: { report: ServiceStoresReport }) {
  const { t } = useI18n();
  return (
    <Table<ServiceStoreReport>
      aria-label={t('audit.stores')}
      data-testid="stores-report"
      rowKey="service"
      size="small"
      dataSource={[...report.services]}
      pagination={false}
      locale={{ emptyText: <EmptyText /> }}
      scroll={{ x: true }}
      columns={[
        { title: t('audit.service'), dataIndex: 'service' },
        {
          title: t('audit.chainStatus'),
          key: 'ok',
          render: (_: unknown, row) =>
            row.unreachable ? (
              <StatusTag tone="red">{`${t('audit.unreachable')}：${row.unreachable}`}</StatusTag>
            ) : (
              <OkTag ok={row.ok} />
            ),
        },
        { title: t('audit.streams'), dataIndex: 'streams' },
        { title: t('audit.eventsChecked'), dataIndex: 'eventsChecked' },
        { title: t('audit.brokenStreams'), key: 'broken', render: (_: unknown, row) => row.broken.length },
        { title: t('audit.copyMissing'), dataIndex: 'copyMissing' },
        { title: t('audit.copyDifferent'), dataIndex: 'copyDifferent' },
        { title: t('audit.copyExtra'), dataIndex: 'copyExtra' },
      ]}
    />
  );
}
