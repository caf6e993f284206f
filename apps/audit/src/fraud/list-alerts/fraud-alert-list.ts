// The fraud alerts as auditors page, filter and export them (libs/lists) over `fraud_alerts`.
import type { auditV1 } from '@jineng/contracts';
import { shanghaiDate } from '@jineng/kernel';
import { defineList, exportList, type ExportFormat, type ExportedFile, type ListRow } from '@jineng/lists';

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const joined = (column: string) => `array_to_string(array(select jsonb_array_elements_text(${column})), ',')`;

export const fraudAlertList = defineList({
  table: 'fraud_alerts',
  columns: {
    raisedAt: { sql: iso('raised_at'), title: { zh: '预警时间', en: 'Raised at' }, sortable: true },
    alertId: { sql: 'alert_id::text', title: { zh: '预警编号', en: 'Alert id' } },
    ruleId: { sql: 'rule_id', title: { zh: '规则', en: 'Rule' }, sortable: true },
    ruleVersion: { sql: 'rule_version', title: { zh: '规则版本', en: 'Rule version' } },
    status: { sql: 'status', title: { zh: '状态', en: 'Status' }, sortable: true },
    jurisdictionCode: { sql: 'jurisdiction', title: { zh: '行政区划', en: 'Jurisdiction' } },
    summaryZh: { sql: 'summary_zh', title: { zh: '说明', en: 'Summary (zh)' } },
    summaryEn: { sql: 'summary_en', title: { zh: '说明（英文）', en: 'Summary' } },
    figures: { sql: 'figures', title: { zh: '数据', en: 'Figures' }, exported: false },
    figuresText: { sql: 'figures::text', title: { zh: '数据（JSON）', en: 'Figures (JSON)' } },
    evidenceEventIds: {
      sql: 'evidence_event_ids',
      title: { zh: '证据事件', en: 'Evidence' },
      exported: false,
    },
    evidenceText: {
      sql: joined('evidence_event_ids'),
      title: { zh: '证据事件编号', en: 'Evidence event ids' },
    },
    entityIds: { sql: 'entity_ids', title: { zh: '涉及对象', en: 'Entities' }, exported: false },
    entityText: { sql: joined('entity_ids'), title: { zh: '涉及对象编号', en: 'Entity ids' } },
    updatedAt: { sql: iso('updated_at'), title: { zh: '更新时间', en: 'Updated at' }, sortable: true },
    decidedBy: { sql: `coalesce(decided_by, '')`, title: { zh: '处理人', en: 'Handled by' } },
    reason: { sql: `coalesce(reason, '')`, title: { zh: '理由', en: 'Reason' } },
    actions: { sql: 'actions', title: { zh: '处置', en: 'Actions' }, exported: false },
    actionsText: { sql: joined('actions'), title: { zh: '处置措施', en: 'Actions' } },
    order: { sql: 'alert_id', title: { zh: '编号', en: 'Id' }, exported: false },
  },
  filters: {
    status: { sql: 'status', op: 'eq' },
    ruleId: { sql: 'rule_id', op: 'eq' },
    entityId: { sql: 'entity_ids', op: 'has' },
    raisedFrom: { sql: 'raised_at', op: 'gte' },
    raisedTo: { sql: 'raised_at', op: 'lte' },
  },
  defaultSort: '-raisedAt',
  tiebreak: 'order',
  maxPageSize: 500,
});

type AlertColumn = keyof typeof fraudAlertList.columns;

export function toFraudAlert(row: ListRow<AlertColumn>): auditV1.FraudAlert {
  return {
    alertId: String(row.alertId),
    ruleId: String(row.ruleId),
    ruleVersion: Number(row.ruleVersion),
    status: String(row.status) as auditV1.FraudAlert['status'],
    jurisdictionCode: String(row.jurisdictionCode),
    summaryZh: String(row.summaryZh),
    summaryEn: String(row.summaryEn),
    figures: row.figures as auditV1.FraudAlert['figures'],
    evidenceEventIds: row.evidenceEventIds as string[],
    entityIds: row.entityIds as string[],
    raisedAt: String(row.raisedAt),
    updatedAt: String(row.updatedAt),
    ...(row.decidedBy ? { decidedBy: String(row.decidedBy) } : {}),
    ...(row.reason ? { reason: String(row.reason) } : {}),
    actions: row.actions as string[],
  };
}

/** `欺诈预警-<date>.xlsx` */
export function fraudAlertExportFile(
  rows: AsyncIterable<ListRow<AlertColumn>[]>,
  format: ExportFormat,
  now: Date,
): ExportedFile {
  return exportList(fraudAlertList, rows, {
    format,
    baseName: `欺诈预警-${shanghaiDate(now)}`,
    sheetName: '欺诈预警',
  });
}
