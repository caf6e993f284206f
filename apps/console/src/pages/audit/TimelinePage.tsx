// The auditor searches any entity — a worker, class, claim, payment, institution, policy version, or a
// correlation id or an actor — and reads every event across the services that names it, in order
// (GET /api/v1/audit/entities/:id/timeline, a page at a time), filtered by what the id is, the event
// type, the service and the time it was recorded; exported to .xlsx with the same filters. Each row opens
// to the event's data as the service recorded it and its hash-chain link.
import { Button, Form, Input, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { PagedList } from '../../components/PagedList';
import { useI18n } from '../../i18n/i18n';

interface TimelineEntry {
  readonly eventId: string;
  readonly service: string;
  readonly type: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly actorUserId: string;
  readonly actorRoles: readonly string[];
  readonly jurisdiction: string;
  readonly correlationId: string;
  readonly hash: string;
  readonly kinds: readonly string[];
  readonly fields: readonly string[];
  readonly data: Record<string, unknown>;
}

const ENTITY_ID = /^[A-Za-z0-9_.:@-]{1,128}$/;

/** a time typed in the form (local date and time) as the API's date-time, in Beijing time */
export function timelineQuery(filters: Record<string, unknown>): Record<string, unknown> {
  const at = (value: unknown, end: boolean) =>
    typeof value === 'string' && value
      ? `${value.length === 10 ? `${value}T${end ? '23:59:59' : '00:00:00'}` : `${value}${value.length === 16 ? ':00' : ''}`}+08:00`
      : undefined;
  return {
    ...filters,
    recordedFrom: at(filters.recordedFrom, false),
    recordedTo: at(filters.recordedTo, true),
  };
}

function Timeline({ entityId }: { entityId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const path = `/api/v1/audit/entities/${encodeURIComponent(entityId)}/timeline`;
  const fetchPage = useCallback(
    (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: TimelineEntry[]; total: number }>(path, {
        ...(timelineQuery(filters) as Record<string, string>),
        page,
        pageSize,
      }),
    [api, path],
  );
  return (
    <PagedList<TimelineEntry>
      caption={t('audit.timelineOf', { id: entityId })}
      rowKey="eventId"
      fetchPage={fetchPage}
      exportPath={`${path}/export`}
      exportQuery={timelineQuery}
      filters={
        <>
          <Form.Item
            name="kind"
            label={t('audit.kind')}
            rules={[{ pattern: /^[a-z][A-Za-z0-9]*$/, message: t('audit.kindInvalid') }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="type"
            label={t('audit.type')}
            rules={[{ pattern: /^[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/, message: t('audit.typeInvalid') }]}
          >
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="service"
            label={t('audit.service')}
            rules={[{ pattern: /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, message: t('audit.serviceInvalid') }]}
          >
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="recordedFrom" label={t('audit.recordedFrom')}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="recordedTo" label={t('audit.recordedTo')}>
            <Input type="datetime-local" />
          </Form.Item>
        </>
      }
      columns={[
        { title: t('audit.recordedAt'), dataIndex: 'recordedAt' },
        { title: t('audit.service'), dataIndex: 'service' },
        { title: t('audit.type'), dataIndex: 'type' },
        {
          title: t('audit.stream'),
          key: 'stream',
          render: (_: unknown, e) => `${e.streamId} #${e.streamVersion}`,
        },
        {
          title: t('audit.actor'),
          key: 'actor',
          render: (_: unknown, e) => `${e.actorUserId} (${e.actorRoles.join(', ')})`,
        },
        { title: t('audit.namedAs'), key: 'kinds', render: (_: unknown, e) => e.kinds.join(', ') },
      ]}
      expandable={{
        expandedRowRender: (entry: TimelineEntry) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>
              {t('audit.fields')}：{entry.fields.join(', ')}
            </Typography.Text>
            <Typography.Text>
              {t('audit.correlation')}：{entry.correlationId}
            </Typography.Text>
            <Typography.Text code>{entry.hash}</Typography.Text>
            <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }} aria-label={t('audit.data')}>
              {JSON.stringify(entry.data, null, 2)}
            </pre>
          </Space>
        ),
      }}
    />
  );
}

export default function TimelinePage() {
  const { t } = useI18n();
  const [entityId, setEntityId] = useState<string>();
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form
        layout="inline"
        name="entity"
        onFinish={(values: { entityId: string }) => setEntityId(values.entityId.trim())}
      >
        <Form.Item
          name="entityId"
          label={t('audit.entityId')}
          rules={[
            { required: true, message: t('common.required', { field: t('audit.entityId') }) },
            { pattern: ENTITY_ID, message: t('audit.entityIdInvalid') },
          ]}
        >
          <Input style={{ width: 340 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit">
            {t('audit.search')}
          </Button>
        </Form.Item>
      </Form>
      {entityId && <Timeline key={entityId} entityId={entityId} />}
    </Space>
  );
}
