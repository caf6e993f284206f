// The workers list as officers page, filter and export it (libs/lists): masked columns only — the
// clear personal data never leaves the vault through a list.
import { shanghaiDate } from '@jineng/kernel';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';
import { jurisdictionPrefix } from '../../catalogue/jurisdiction-catalogue';

export const workerList = defineList({
  table: 'worker_view',
  columns: {
    workerId: { sql: 'worker_id', title: { zh: '劳动者编号', en: 'Worker ID' } },
    idNumberMasked: {
      sql: 'id_number_masked',
      title: { zh: '身份证号码（脱敏）', en: 'ID number (masked)' },
    },
    nameMasked: { sql: 'name_masked', title: { zh: '姓名（脱敏）', en: 'Name (masked)' }, sortable: true },
    gender: { sql: 'gender', title: { zh: '性别', en: 'Gender' } },
    jurisdiction: { sql: 'jurisdiction', title: { zh: '所属区划', en: 'Jurisdiction' }, sortable: true },
    hukouJurisdiction: { sql: 'hukou_jurisdiction', title: { zh: '户籍地区划', en: 'Hukou jurisdiction' } },
    residenceJurisdiction: {
      sql: 'residence_jurisdiction',
      title: { zh: '常住地区划', en: 'Residence jurisdiction' },
    },
    education: { sql: 'education', title: { zh: '文化程度', en: 'Education' }, sortable: true },
    category: { sql: 'category', title: { zh: '人员类别', en: 'Category' }, sortable: true },
    keyGroups: { sql: 'key_groups', title: { zh: '重点群体', en: 'Key groups' } },
    ableToWork: { sql: 'able_to_work', title: { zh: '有劳动能力', en: 'Able to work' } },
    willingToWork: { sql: 'willing_to_work', title: { zh: '有就业意愿', en: 'Willing to work' } },
    hardToMoveIntoWork: {
      sql: 'hard_to_move_into_work',
      title: { zh: '自身难以实现转移就业', en: 'Hard to move into work' },
    },
    registeredOn: {
      sql: `to_char(registered_on, 'YYYY-MM-DD')`,
      title: { zh: '登记日期', en: 'Registered on' },
      sortable: true,
    },
    employed: { sql: 'employed', title: { zh: '在业', en: 'Employed' } },
    trainingWishes: {
      sql: 'training_wishes',
      title: { zh: '培训意愿', en: 'Training wishes' },
      exported: false,
    },
    employments: { sql: 'employments', title: { zh: '就业记录', en: 'Employments' }, exported: false },
    registeredAt: {
      sql: 'registered_at',
      title: { zh: '登记时刻', en: 'Registered at' },
      sortable: true,
      exported: false,
    },
  },
  filters: {
    category: { sql: 'category', op: 'eq' },
    gender: { sql: 'gender', op: 'eq' },
    education: { sql: 'education', op: 'eq' },
    keyGroup: { sql: 'key_groups', op: 'has' },
    employed: { sql: 'employed', op: 'eq' },
    hardToMoveIntoWork: { sql: 'hard_to_move_into_work', op: 'eq' },
    registeredFrom: { sql: 'registered_on', op: 'gte' },
    registeredTo: { sql: 'registered_on', op: 'lte' },
  },
  defaultSort: '-registeredAt',
  tiebreak: 'workerId',
  maxPageSize: 500,
});

/** The caller's scope: the jurisdiction and every one below it. */
export const withinJurisdiction = (jurisdiction: string): FixedCondition => ({
  filter: { sql: 'jurisdiction', op: 'prefix' },
  value: jurisdictionPrefix(jurisdiction),
});

/** The export file of the list (direct or as a job): `劳动者名单-<jurisdiction>-<date>.xlsx`. */
export function workerExportFile(
  rows: AsyncIterable<ListRow<keyof typeof workerList.columns>[]>,
  format: ExportFormat,
  jurisdiction: string,
  now: Date,
): ExportedFile {
  return exportList(workerList, rows, {
    format,
    baseName: `劳动者名单-${jurisdiction}-${shanghaiDate(now)}`,
    sheetName: '劳动者名单',
  });
}
