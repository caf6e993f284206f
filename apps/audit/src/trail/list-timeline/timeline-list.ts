// An entity's timeline as auditors page, filter and export it (libs/lists): the `audit_timeline` view
// (audit.migrations.ts) — the audit copy joined to the ids each event names.
import type { auditV1 } from '@jineng/contracts';
import { shanghaiDate } from '@jineng/kernel';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';

export const timelineList = defineList({
  table: 'audit_timeline',
  columns: {
    recordedAt: {
      sql: `to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      title: { zh: '记录时间', en: 'Recorded at' },
      sortable: true,
    },
    service: { sql: 'service', title: { zh: '服务', en: 'Service' }, sortable: true },
    type: { sql: 'type', title: { zh: '事件类型', en: 'Event type' }, sortable: true },
    streamId: { sql: 'stream_id', title: { zh: '数据流', en: 'Stream' } },
    streamVersion: { sql: 'stream_version::int', title: { zh: '流版本', en: 'Stream version' } },
    occurredAt: {
      sql: `coalesce(to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`,
      title: { zh: '业务时间', en: 'Occurred at' },
    },
    actorUserId: { sql: 'actor_user_id', title: { zh: '操作人', en: 'Actor' } },
    actorRoles: { sql: 'actor_roles', title: { zh: '操作人角色', en: 'Actor roles' }, exported: false },
    actorRolesText: {
      sql: `array_to_string(array(select jsonb_array_elements_text(actor_roles)), ',')`,
      title: { zh: '操作人角色', en: 'Actor roles' },
    },
    jurisdiction: { sql: 'jurisdiction', title: { zh: '行政区划', en: 'Jurisdiction' } },
    correlationId: { sql: 'correlation_id', title: { zh: '关联编号', en: 'Correlation id' } },
    eventId: { sql: 'event_id::text', title: { zh: '事件编号', en: 'Event id' } },
    hash: { sql: 'hash', title: { zh: '哈希链值', en: 'Chain hash' } },
    kinds: { sql: 'kinds', title: { zh: '身份', en: 'Named as' }, exported: false },
    fields: { sql: 'fields', title: { zh: '字段', en: 'Fields' }, exported: false },
    fieldsText: {
      sql: `array_to_string(array(select jsonb_array_elements_text(fields)), ',')`,
      title: { zh: '所在字段', en: 'Fields' },
    },
    data: { sql: 'data', title: { zh: '事件数据', en: 'Event data' }, exported: false },
    dataText: { sql: 'data::text', title: { zh: '事件数据（JSON）', en: 'Event data (JSON)' } },
    streamOrder: { sql: 'audit_position', title: { zh: '接收顺序', en: 'Received' }, exported: false },
  },
  filters: {
    kind: { sql: 'kinds', op: 'has' },
    type: { sql: 'type', op: 'eq' },
    service: { sql: 'service', op: 'eq' },
    recordedFrom: { sql: 'recorded_at', op: 'gte' },
    recordedTo: { sql: 'recorded_at', op: 'lte' },
  },
  defaultSort: 'recordedAt',
  tiebreak: 'streamOrder',
  maxPageSize: 500,
});

type TimelineColumn = keyof typeof timelineList.columns;

/** The entity whose timeline it is: a condition of the handler, not a filter a request may drop. */
export const namingEntity = (entityId: string): FixedCondition => ({
  filter: { sql: 'entity_id', op: 'eq' },
  value: entityId,
});

export function toTimelineEntry(row: ListRow<TimelineColumn>): auditV1.TimelineEntry {
  return {
    eventId: String(row.eventId),
    service: String(row.service),
    type: String(row.type),
    streamId: String(row.streamId),
    streamVersion: Number(row.streamVersion),
    recordedAt: String(row.recordedAt),
    occurredAt: row.occurredAt === '' ? String(row.recordedAt) : String(row.occurredAt),
    actorUserId: String(row.actorUserId),
    actorRoles: row.actorRoles as string[],
    jurisdiction: String(row.jurisdiction),
    correlationId: String(row.correlationId),
    hash: String(row.hash),
    kinds: row.kinds as string[],
    fields: row.fields as string[],
    data: row.data as auditV1.TimelineEntry['data'],
  };
}

/** `审计时间线-<entity>-<date>.xlsx` */
export function timelineExportFile(
  rows: AsyncIterable<ListRow<TimelineColumn>[]>,
  format: ExportFormat,
  entityId: string,
  now: Date,
): ExportedFile {
  return exportList(timelineList, rows, {
    format,
    baseName: `审计时间线-${entityId}-${shanghaiDate(now)}`,
    sheetName: '审计时间线',
  });
}
