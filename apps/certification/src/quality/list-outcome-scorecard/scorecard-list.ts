// The outcome scorecard (public, no personal data): per institution, occupation and year, the figures
// evaluated at the year's end (outcome_scorecard_view), paged, filtered and exported (libs/lists).
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';
import { jurisdictionPrefix } from '../../shared/access';

export const scorecardList = defineList({
  table: 'outcome_scorecard_view',
  columns: {
    year: { sql: 'year', title: { zh: '年度', en: 'Year' }, sortable: true },
    institutionId: { sql: 'institution_id', title: { zh: '培训机构编号', en: 'Institution ID' } },
    institutionName: {
      sql: 'institution_name',
      title: { zh: '培训机构', en: 'Institution' },
      sortable: true,
    },
    jurisdictionCode: {
      sql: 'jurisdiction_code',
      title: { zh: '所属区划', en: 'Jurisdiction' },
      sortable: true,
    },
    occupationCode: {
      sql: 'occupation_code',
      title: { zh: '职业（工种）代码', en: 'Occupation' },
      sortable: true,
    },
    classes: { sql: 'classes', title: { zh: '班级数', en: 'Classes' } },
    trainees: { sql: 'trainees', title: { zh: '学员数', en: 'Trainees' }, sortable: true },
    passed: { sql: 'passed', title: { zh: '合格人数', en: 'Passed' } },
    certified: { sql: 'certified', title: { zh: '取证人数', en: 'Certified' } },
    employed: { sql: 'employed', title: { zh: '就业人数', en: 'Employed' } },
    passRate: { sql: 'pass_rate', title: { zh: '培训合格率', en: 'Pass rate' }, sortable: true },
    certificateRate: {
      sql: 'certificate_rate',
      title: { zh: '取证率', en: 'Certificate rate' },
      sortable: true,
    },
    employmentRate: {
      sql: 'employment_rate',
      title: { zh: '就业率', en: 'Employment rate' },
      sortable: true,
    },
    rowKey: {
      sql: `year || ':' || institution_id || ':' || occupation_code`,
      title: { zh: '行键', en: 'Row key' },
      exported: false,
    },
  },
  filters: {
    year: { sql: 'year', op: 'eq' },
    institutionId: { sql: 'institution_id::text', op: 'eq' },
    occupationCode: { sql: 'occupation_code', op: 'eq' },
  },
  defaultSort: 'institutionName',
  tiebreak: 'rowKey',
  maxPageSize: 500,
});

/** A jurisdiction asked for: it and those below it. */
export const scorecardScope = (jurisdiction: string | undefined): FixedCondition[] =>
  jurisdiction === undefined
    ? []
    : [{ filter: { sql: 'jurisdiction_code', op: 'prefix' }, value: jurisdictionPrefix(jurisdiction) }];

export function scorecardExportFile(
  rows: AsyncIterable<ListRow<keyof typeof scorecardList.columns>[]>,
  format: ExportFormat,
  year: number | undefined,
): ExportedFile {
  return exportList(scorecardList, rows, {
    format,
    baseName: `培训成效-${year ?? '全部年度'}`,
    sheetName: '培训成效',
  });
}

/** A list row as the contract's ScorecardRow (no row key; absent values left out). */
export function scorecardRowOf(row: ListRow<keyof typeof scorecardList.columns>): Record<string, unknown> {
  const { rowKey: _key, ...rest } = row;
  return Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== null && value !== undefined),
  );
}
