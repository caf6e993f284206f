// The policy in force for a jurisdiction on a date (GET /api/v1/jurisdictions/:j/effective-policy): each
// parameter, the version (and level) it comes from and the clauses quoted from that version's document.
import { Card, Form, Input, Button, Table, Typography, Space, Descriptions } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useLatestAnswer } from '../../components/useLatestAnswer';
import { useI18n } from '../../i18n/i18n';
import { flattenParameters, showValue } from './policyValues';

interface EffectivePolicy {
  jurisdiction: string;
  jurisdictionName: string;
  date: string;
  parameters: Record<string, unknown>;
  sources: { parameter: string; versionId: string; jurisdiction: string; quotes?: string[] }[];
  versions: {
    versionId: string;
    jurisdictionName: string;
    title: string;
    effectiveFrom: string;
    effectiveUntil?: string;
    used: boolean;
    document: { number?: string; title: string; issuer: string };
  }[];
  notSet: string[];
  ended: {
    versionId: string;
    title: string;
    effectiveFrom: string;
    effectiveUntil?: string;
    jurisdictionName?: string;
  }[];
}

interface Row {
  parameter: string;
  value: unknown;
  source?: EffectivePolicy['sources'][number];
}

export default function EffectivePolicyPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [query, setQuery] = useState({ jurisdiction: principal?.jurisdiction ?? '', date: '' });
  const { answer: policy, error } = useLatestAnswer(
    query.jurisdiction
      ? () =>
          api.get<EffectivePolicy>(
            `/api/v1/jurisdictions/${encodeURIComponent(query.jurisdiction)}/effective-policy`,
            { date: query.date || undefined },
          )
      : undefined,
    [api, query],
  );

  const versionTitle = (id: string) => policy?.versions.find((v) => v.versionId === id);
  const rows: Row[] = policy
    ? flattenParameters(policy.parameters).map(([parameter, value]) => ({
        parameter,
        value,
        source: policy.sources.find(
          (s) => s.parameter === parameter || parameter.startsWith(`${s.parameter}.`),
        ),
      }))
    : [];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form layout="inline" initialValues={query} onFinish={(values: typeof query) => setQuery(values)}>
        <Form.Item
          name="jurisdiction"
          label={t('policy.jurisdiction')}
          rules={[{ required: true, message: t('common.required', { field: t('policy.jurisdiction') }) }]}
        >
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="date" label={t('policy.date')}>
          <Input type="date" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('list.filter')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {policy && (
        <>
          <Card size="small">
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'j',
                  label: t('policy.jurisdiction'),
                  children: `${policy.jurisdictionName}（${policy.jurisdiction}）`,
                },
                { key: 'd', label: t('policy.date'), children: policy.date },
                ...(policy.ended.length > 0
                  ? [
                      {
                        key: 'e',
                        label: t('policy.ended'),
                        children: (
                          <Space orientation="vertical" size={0}>
                            {policy.ended.map((v) => (
                              <span key={v.versionId}>
                                {v.title}（{v.effectiveFrom} – {v.effectiveUntil}）
                              </span>
                            ))}
                          </Space>
                        ),
                      },
                    ]
                  : []),
                {
                  key: 'v',
                  label: t('nav.policyVersions'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      {policy.versions.map((v) => (
                        <span key={v.versionId}>
                          <StatusTag tone={v.used ? 'blue' : 'default'}>{v.jurisdictionName}</StatusTag>
                          {v.document.number ? `${v.document.number} ` : ''}
                          {v.title}（{v.effectiveFrom}
                          {v.effectiveUntil ? ` – ${v.effectiveUntil}` : ''}）
                        </span>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
          <Table<Row>
            aria-label={t('nav.effectivePolicy')}
            rowKey="parameter"
            dataSource={rows}
            pagination={false}
            size="small"
            columns={[
              {
                title: t('policy.parameter'),
                dataIndex: 'parameter',
                render: (p: string) => <code>{p}</code>,
              },
              {
                title: t('policy.value'),
                key: 'value',
                render: (_: unknown, row: Row) => showValue(row.parameter, row.value),
              },
              {
                title: t('policy.source'),
                key: 'source',
                render: (_: unknown, row: Row) => {
                  const version = row.source && versionTitle(row.source.versionId);
                  return version
                    ? `${version.jurisdictionName} · ${version.document.number ?? version.title}`
                    : '';
                },
              },
              {
                title: t('policy.clause'),
                key: 'clause',
                render: (_: unknown, row: Row) =>
                  (row.source?.quotes ?? []).map((quote) => (
                    <Typography.Paragraph key={quote} style={{ margin: 0 }}>
                      <blockquote style={{ margin: 0, color: '#555' }}>「{quote}」</blockquote>
                    </Typography.Paragraph>
                  )),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
