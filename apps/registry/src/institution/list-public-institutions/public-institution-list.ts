// The public institution directory (no login) as a list (libs/lists): the listed institutions' legal-
// entity facts only — name, credit code, type, jurisdiction, occupations and levels, listing — never a
// teacher, a person's name, ID number or phone, nor the bank account the registry also keeps.
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

export const publicInstitutionList = defineList({
  table: 'institution_view',
  columns: {
    institutionId: { sql: 'institution_id', title: { zh: '机构编号', en: 'Institution ID' } },
    name: { sql: 'name', title: { zh: '机构名称', en: 'Name' }, sortable: true },
    creditCode: { sql: 'credit_code', title: { zh: '统一社会信用代码', en: 'Credit code' } },
    type: { sql: 'type', title: { zh: '机构类型', en: 'Type' } },
    jurisdiction: { sql: 'jurisdiction', title: { zh: '所属区划', en: 'Jurisdiction' }, sortable: true },
    occupations: {
      sql: `(select string_agg(e->>'occupationCode' || ' (' ||
               (select string_agg(l, '/') from jsonb_array_elements_text(e->'levels') l) || ')', '; ')
               from jsonb_array_elements(scope) e)`,
      title: { zh: '培训职业（等级）', en: 'Occupations (levels)' },
    },
    scope: { sql: 'scope', title: { zh: '培训范围', en: 'Scope' }, exported: false },
    publicationBatch: { sql: 'publication_batch', title: { zh: '公布批次', en: 'Publication batch' } },
    listedOn: {
      sql: `to_char(listed_on, 'YYYY-MM-DD')`,
      title: { zh: '列入目录日期', en: 'Listed on' },
      sortable: true,
    },
    disqualifiedYears: {
      sql: `(select coalesce(json_agg((d->>'year')::int order by (d->>'year')::int), '[]'::json)
               from jsonb_array_elements(disqualifications) d)`,
      title: { zh: '取消资格年度', en: 'Disqualified years' },
      exported: false,
    },
    disqualifiedYearsText: {
      sql: `(select string_agg(d->>'year', ', ' order by d->>'year') from jsonb_array_elements(disqualifications) d)`,
      title: { zh: '取消资格年度', en: 'Disqualified years' },
    },
  },
  filters: { name: { sql: 'name', op: 'contains' } },
  defaultSort: 'name',
  tiebreak: 'institutionId',
  maxPageSize: 500,
});

/** Listed institutions only, of a jurisdiction and below it, teaching an occupation: as asked. */
export function publicScope(asked: { jurisdiction?: string; occupationCode?: string }): FixedCondition[] {
  return [
    { filter: { sql: 'status', op: 'eq' }, value: 'listed' },
    ...(asked.jurisdiction
      ? [
          {
            filter: { sql: 'jurisdiction', op: 'prefix' as const },
            value: jurisdictionPrefix(asked.jurisdiction),
          },
        ]
      : []),
    ...(asked.occupationCode
      ? [{ filter: { sql: 'scope', op: 'has' as const }, value: { occupationCode: asked.occupationCode } }]
      : []),
  ];
}

export function publicInstitutionExportFile(
  rows: AsyncIterable<ListRow<keyof typeof publicInstitutionList.columns>[]>,
  format: ExportFormat,
  now: Date,
): ExportedFile {
  return exportList(publicInstitutionList, rows, {
    format,
    baseName: `培训机构名录-${shanghaiDate(now)}`,
    sheetName: '培训机构名录',
  });
}
