// The policy versions that apply to a jurisdiction (GET /api/v1/policy-versions) and the difference
// between two of them, parameter by parameter (GET /api/v1/policy-versions/:to/diff?fromVersionId=).
import { Button, Form, Input, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { EmptyText } from '../../components/EmptyText';
import { useI18n } from '../../i18n/i18n';
import { showValue } from './policyValues';

interface VersionSummary {
  versionId: string;
  jurisdiction: string;
  jurisdictionName: string;
  status: 'draft' | 'published';
  revision: number;
  effectiveFrom: string;
  effectiveUntil?: string;
  title: string;
  document: { number?: string; title: string; issuer: string };
}
interface Change {
  parameter: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

export default function PolicyVersionsPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [jurisdiction, setJurisdiction] = useState(principal?.jurisdiction ?? '');
  const [versions, setVersions] = useState<VersionSummary[]>([]);
  const [error, setError] = useState<unknown>();
  const [pair, setPair] = useState<{ from?: string; to?: string }>({});
  const [diff, setDiff] = useState<{ changes: Change[]; otherDifferences: string[] }>();

  useEffect(() => {
    if (!jurisdiction) return;
    setError(undefined);
    api
      .get<{ versions: VersionSummary[] }>('/api/v1/policy-versions', { jurisdiction })
      .then((answer) => setVersions(answer.versions), setError);
  }, [api, jurisdiction]);

  const compare = () => {
    if (!pair.from || !pair.to) return;
    setError(undefined);
    api
      .get<{ changes: Change[]; otherDifferences: string[] }>(`/api/v1/policy-versions/${pair.to}/diff`, {
        fromVersionId: pair.from,
      })
      .then(setDiff, setError);
  };
  const options = versions.map((v) => ({
    value: v.versionId,
    label: `${v.jurisdictionName} · ${v.document.number ?? v.title} · ${v.effectiveFrom}`,
  }));

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form
        layout="inline"
        initialValues={{ jurisdiction }}
        onFinish={(values: { jurisdiction: string }) => setJurisdiction(values.jurisdiction)}
      >
        <Form.Item name="jurisdiction" label={t('policy.jurisdiction')}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('list.filter')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      <Table<VersionSummary>
        aria-label={t('nav.policyVersions')}
        rowKey="versionId"
        dataSource={versions}
        size="small"
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: <EmptyText /> }}
        columns={[
          { title: t('policy.jurisdiction'), dataIndex: 'jurisdictionName' },
          {
            title: t('policy.documentNumber'),
            key: 'number',
            render: (_: unknown, v: VersionSummary) => v.document.number ?? '—',
          },
          { title: t('policy.title'), dataIndex: 'title' },
          { title: t('policy.validFrom'), dataIndex: 'effectiveFrom' },
          { title: t('policy.validTo'), dataIndex: 'effectiveUntil', render: (d?: string) => d ?? '—' },
          {
            title: t('policy.status'),
            dataIndex: 'status',
            render: (s: VersionSummary['status']) => (
              <StatusTag tone={s === 'published' ? 'green' : 'default'}>{t(`policy.status.${s}`)}</StatusTag>
            ),
          },
        ]}
      />
      <Space wrap>
        <label htmlFor="diff-from">{t('policy.diffFrom')}</label>
        <Select
          id="diff-from"
          style={{ width: 360 }}
          options={options}
          value={pair.from}
          onChange={(from) => setPair((p) => ({ ...p, from }))}
        />
        <label htmlFor="diff-to">{t('policy.after')}</label>
        <Select
          id="diff-to"
          style={{ width: 360 }}
          options={options}
          value={pair.to}
          onChange={(to) => setPair((p) => ({ ...p, to }))}
        />
        <Button onClick={compare} disabled={!pair.from || !pair.to}>
          {t('policy.diff')}
        </Button>
      </Space>
      {diff && (
        <>
          {diff.changes.length === 0 && <Typography.Text>{t('policy.noDiff')}</Typography.Text>}
          <Table<Change>
            aria-label={t('policy.diff')}
            rowKey="parameter"
            dataSource={diff.changes}
            size="small"
            pagination={false}
            columns={[
              {
                title: t('policy.parameter'),
                dataIndex: 'parameter',
                render: (p: string) => <code>{p}</code>,
              },
              {
                title: t('policy.before'),
                key: 'before',
                render: (_: unknown, c: Change) => showValue(c.parameter, c.before),
              },
              {
                title: t('policy.after'),
                key: 'after',
                render: (_: unknown, c: Change) => showValue(c.parameter, c.after),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
