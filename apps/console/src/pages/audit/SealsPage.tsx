// The daily seals and what they prove: the published seals a page at a time (GET
// /api/v1/public/audit/seals, the same list anyone may read), the keys that verify them, and on request
// the audit copy checked twice — every stream's hash chain (GET /api/v1/audit/verification) and every
// service's events against the signed daily roots (GET /api/v1/audit/seals/verification).
import { Button, Descriptions, Form, Input, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';

interface ServiceRoot {
  readonly service: string;
  readonly root: string;
  readonly eventCount: number;
}
interface DailySeal {
  readonly day: string;
  readonly sequence: number;
  readonly previousSealHash: string;
  readonly root: string;
  readonly eventCount: number;
  readonly services: readonly ServiceRoot[];
  readonly sealedAt: string;
  readonly keyId: string;
  readonly sealHash: string;
  readonly signature: string;
}
interface SealPage {
  readonly items: readonly DailySeal[];
  readonly total: number;
  readonly publicKeys: readonly { keyId: string; x: string }[];
}
interface SealVerificationReport {
  readonly ok: boolean;
  readonly seals: number;
  readonly firstDay?: string;
  readonly lastDay?: string;
  readonly services: readonly string[];
  readonly eventsChecked: number;
  readonly eventsNotSealed: number;
  readonly problems: readonly { day: string; kind: string; detail: string; service?: string }[];
}
interface AuditChainReport {
  readonly ok: boolean;
  readonly streams: number;
  readonly events: number;
  readonly broken: readonly unknown[];
}

const short = (hash: string) => <code title={hash}>{`${hash.slice(0, 16)}…`}</code>;

function SealList() {
  const { t } = useI18n();
  const { api } = useSession();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [data, setData] = useState<SealPage>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    let live = true;
    setLoading(true);
    api
      .get<SealPage>('/api/v1/public/audit/seals', { fromSequence: (page - 1) * pageSize + 1, pageSize })
      .then(
        (answer) => live && setData(answer),
        (caught: unknown) => live && setError(caught),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, page, pageSize]);
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Table<DailySeal>
        aria-label={t('audit.seals')}
        title={() => t('audit.seals')}
        rowKey="sequence"
        size="small"
        loading={loading}
        dataSource={data ? [...data.items] : []}
        locale={{ emptyText: <EmptyText /> }}
        scroll={{ x: true }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('list.total', { total }),
          onChange: (next, size) => {
            setPage(size !== pageSize ? 1 : next);
            setPageSize(size);
          },
        }}
        expandable={{
          expandedRowRender: (seal) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text>
                {t('audit.sealHash')}：<code>{seal.sealHash}</code>
              </Typography.Text>
              <Table<ServiceRoot>
                aria-label={t('audit.sealServices')}
                size="small"
                rowKey="service"
                pagination={false}
                dataSource={[...seal.services]}
                columns={[
                  { title: t('audit.service'), dataIndex: 'service' },
                  { title: t('audit.sealEvents'), dataIndex: 'eventCount' },
                  {
                    title: t('audit.sealRoot'),
                    dataIndex: 'root',
                    render: (root: string) => <code>{root}</code>,
                  },
                ]}
              />
            </Space>
          ),
        }}
        columns={[
          { title: t('audit.sealSequence'), dataIndex: 'sequence' },
          { title: t('audit.sealDay'), dataIndex: 'day' },
          { title: t('audit.sealEvents'), dataIndex: 'eventCount' },
          { title: t('audit.sealRoot'), dataIndex: 'root', render: short },
          { title: t('audit.sealHash'), dataIndex: 'sealHash', render: short },
          { title: t('audit.sealKey'), dataIndex: 'keyId' },
          { title: t('audit.sealedAt'), dataIndex: 'sealedAt' },
        ]}
      />
      {data && data.publicKeys.length > 0 && (
        <Descriptions bordered size="small" column={1} title={t('audit.publicKeys')}>
          {data.publicKeys.map((key) => (
            <Descriptions.Item key={key.keyId} label={key.keyId}>
              <code>{key.x}</code>
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </Space>
  );
}

function Verification() {
  const { t } = useI18n();
  const { api } = useSession();
  const [chains, setChains] = useState<AuditChainReport>();
  const [seals, setSeals] = useState<SealVerificationReport>();
  const [error, setError] = useState<unknown>();
  const [checking, setChecking] = useState(false);
  const verify = async (values: { service?: string }) => {
    const service = values.service?.trim() || undefined;
    setChecking(true);
    setError(undefined);
    setChains(undefined);
    setSeals(undefined);
    try {
      const [chainReport, sealReport] = await Promise.all([
        api.get<AuditChainReport>('/api/v1/audit/verification', { service }),
        api.get<SealVerificationReport>('/api/v1/audit/seals/verification', { service }),
      ]);
      setChains(chainReport);
      setSeals(sealReport);
    } catch (caught) {
      setError(caught);
    } finally {
      setChecking(false);
    }
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Form layout="inline" name="sealVerification" onFinish={verify}>
        <Form.Item
          name="service"
          label={t('audit.serviceOptional')}
          rules={[{ pattern: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, message: t('audit.serviceInvalid') }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={checking}>
            {t('audit.verifySeals')}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      {chains && seals && (
        <>
          <Descriptions bordered size="small" column={1} data-testid="seal-report">
            <Descriptions.Item label={t('audit.chainStatus')}>
              <StatusTag tone={chains.ok ? 'green' : 'red'}>
                {t(chains.ok ? 'audit.chainsHold' : 'audit.chainsBroken')}
              </StatusTag>
              {` · ${t('audit.streams')} ${chains.streams} · ${t('audit.events')} ${chains.events}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.sealStatus')}>
              <StatusTag tone={seals.ok ? 'green' : 'red'}>
                {t(seals.ok ? 'audit.sealsHold' : 'audit.sealsBroken')}
              </StatusTag>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.sealsChecked')}>{seals.seals}</Descriptions.Item>
            {seals.firstDay && (
              <Descriptions.Item label={t('audit.sealedDays')}>
                {seals.firstDay} ~ {seals.lastDay}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('audit.servicesChecked')}>
              {seals.services.join(', ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.eventsChecked')}>{seals.eventsChecked}</Descriptions.Item>
            <Descriptions.Item label={t('audit.eventsNotSealed')}>{seals.eventsNotSealed}</Descriptions.Item>
          </Descriptions>
          <Table
            aria-label={t('audit.sealProblems')}
            title={() => t('audit.sealProblems')}
            size="small"
            rowKey={(row) => `${row.day}/${row.kind}/${row.service ?? ''}/${row.detail}`}
            dataSource={[...seals.problems]}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <EmptyText /> }}
            scroll={{ x: true }}
            columns={[
              { title: t('audit.sealDay'), dataIndex: 'day' },
              {
                title: t('audit.reason'),
                dataIndex: 'kind',
                render: (kind: string) => t(`audit.sealProblem.${kind}` as MessageKey),
              },
              { title: t('audit.service'), dataIndex: 'service' },
              { title: t('audit.detail'), dataIndex: 'detail' },
            ]}
          />
        </>
      )}
    </Space>
  );
}

export default function SealsPage() {
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Verification />
      <SealList />
    </Space>
  );
}
