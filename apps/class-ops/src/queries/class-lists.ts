// The lists of class-ops as users page, filter, sort and export them (libs/lists): classes, refused
// check-ins, a worker's training history (an officer's view, or the trainee's own). Ids only: no personal data.
import { shanghaiDate } from '@jineng/kernel';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';

export const classList = defineList({
  table: 'classes',
  columns: {
    classId: { sql: 'class_id', title: { zh: '培训班编号', en: 'Class ID' } },
    institutionId: { sql: 'institution_id', title: { zh: '培训机构编号', en: 'Institution ID' } },
    jurisdiction: { sql: 'jurisdiction', title: { zh: '所属区划', en: 'Jurisdiction' }, sortable: true },
    status: { sql: 'status', title: { zh: '状态', en: 'Status' }, sortable: true },
    occupationCode: {
      sql: 'occupation_code',
      title: { zh: '职业（工种）', en: 'Occupation' },
      sortable: true,
    },
    level: { sql: 'level', title: { zh: '等级', en: 'Level' } },
    trainingType: { sql: 'training_type', title: { zh: '培训类型', en: 'Training type' } },
    startDate: { sql: 'start_date', title: { zh: '开班日期', en: 'Start date' }, sortable: true },
    endDate: { sql: 'end_date', title: { zh: '结束日期', en: 'End date' } },
    fundSource: { sql: 'fund_source', title: { zh: '资金来源', en: 'Fund source' } },
    plannedHeadcount: { sql: 'planned_headcount', title: { zh: '计划人数', en: 'Planned headcount' } },
    keyGroup: { sql: 'key_group', title: { zh: '重点人群班', en: 'Key group' } },
    openingDayHeadcount: {
      sql: 'opening_day_headcount',
      title: { zh: '开班当日人数', en: 'Opening-day headcount' },
    },
    appliedAt: {
      sql: `to_char(applied_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      title: { zh: '申请时间', en: 'Applied at' },
      sortable: true,
    },
  },
  filters: {
    institutionId: { sql: 'institution_id', op: 'eq' },
    status: { sql: 'status', op: 'eq' },
    occupationCode: { sql: 'occupation_code', op: 'eq' },
    startFrom: { sql: 'start_date', op: 'gte' },
    startTo: { sql: 'start_date', op: 'lte' },
  },
  defaultSort: '-startDate',
  tiebreak: 'classId',
  maxPageSize: 500,
});

export const rejectedCheckInList = defineList({
  table: 'check_ins',
  columns: {
    checkInId: { sql: 'check_in_id', title: { zh: '签到编号', en: 'Check-in ID' } },
    classId: { sql: 'class_id', title: { zh: '培训班编号', en: 'Class ID' }, sortable: true },
    deviceId: { sql: 'device_id', title: { zh: '设备编号', en: 'Device ID' } },
    deviceEventId: { sql: 'device_event_id', title: { zh: '设备事件编号', en: 'Device event ID' } },
    workerId: { sql: 'worker_id', title: { zh: '劳动者编号', en: 'Worker ID' }, sortable: true },
    at: {
      sql: `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
      title: { zh: '签到时间（设备）', en: 'At (device time)' },
      sortable: true,
    },
    sessionNo: { sql: 'session_no', title: { zh: '课次', en: 'Session' } },
    reasons: {
      sql: `(select string_agg(r, ',') from json_array_elements_text(reasons) as r)`,
      title: { zh: '拒绝原因', en: 'Reasons' },
    },
  },
  filters: {
    classId: { sql: 'class_id', op: 'eq' },
    deviceId: { sql: 'device_id', op: 'eq' },
    workerId: { sql: 'worker_id', op: 'eq' },
    atFrom: { sql: 'at', op: 'gte' },
    atTo: { sql: 'at', op: 'lte' },
  },
  defaultSort: '-at',
  tiebreak: 'checkInId',
  maxPageSize: 500,
});

export const trainingHistoryList = defineList({
  table: 'training_history',
  columns: {
    classId: { sql: 'class_id', title: { zh: '培训班编号', en: 'Class ID' } },
    institutionId: { sql: 'institution_id', title: { zh: '培训机构编号', en: 'Institution ID' } },
    jurisdiction: { sql: 'jurisdiction', title: { zh: '所属区划', en: 'Jurisdiction' } },
    status: { sql: 'status', title: { zh: '状态', en: 'Status' }, sortable: true },
    occupationCode: { sql: 'occupation_code', title: { zh: '职业（工种）', en: 'Occupation' } },
    level: { sql: 'level', title: { zh: '等级', en: 'Level' } },
    startDate: { sql: 'start_date', title: { zh: '开班日期', en: 'Start date' }, sortable: true },
    endDate: { sql: 'end_date', title: { zh: '结束日期', en: 'End date' } },
    fundSource: { sql: 'fund_source', title: { zh: '资金来源', en: 'Fund source' } },
    sessionsAttended: { sql: 'sessions_attended', title: { zh: '出勤课次', en: 'Sessions attended' } },
    institutionName: { sql: 'institution_name', title: { zh: '培训机构', en: 'Institution' } },
    sessionsTotal: { sql: 'sessions_total', title: { zh: '总课次', en: 'Sessions in total' } },
  },
  filters: { workerId: { sql: 'worker_id', op: 'eq' }, status: { sql: 'status', op: 'eq' } },
  defaultSort: '-startDate',
  tiebreak: 'classId',
  maxPageSize: 500,
});

/** A direct export answers within the request's timeout: longer lists are narrowed by filters. */
export const MAX_EXPORT_ROWS = 10_000;

/** The code prefix of every jurisdiction within `code`: 140000 → '14', 140800 → '1408', 140802 → itself. */
export function jurisdictionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export const withinJurisdiction = (jurisdiction: string): FixedCondition => ({
  filter: { sql: 'jurisdiction', op: 'prefix' },
  value: jurisdictionPrefix(jurisdiction),
});

export const onlyRejected: FixedCondition = { filter: { sql: 'accepted', op: 'eq' }, value: false };

export function exportFile<C extends string, F extends string>(
  definition: Parameters<typeof exportList<C, F>>[0],
  rows: AsyncIterable<ListRow<C>[]>,
  format: ExportFormat,
  name: string,
  now: Date,
): ExportedFile {
  return exportList(definition, rows, { format, baseName: `${name}-${shanghaiDate(now)}`, sheetName: name });
}
