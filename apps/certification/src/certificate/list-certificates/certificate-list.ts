// The certificates list as officers (and an institution, its own) page, filter and export it
// (libs/lists): workers by id only, no name, no ID number.
import type { Principal } from '@jineng/messaging';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';
import { actsOnlyAsInstitution, jurisdictionPrefix, READERS, scopeOf } from '../../shared/access';
import { ForeignInstitution } from '../../shared/access.errors';

export const certificateList = defineList({
  table: 'certificates',
  columns: {
    certificateId: { sql: 'certificate_id', title: { zh: '证书编号（内部）', en: 'Certificate ID' } },
    certificateNumber: {
      sql: 'certificate_number',
      title: { zh: '证书编号', en: 'Certificate number' },
      sortable: true,
    },
    workerId: { sql: 'worker_id', title: { zh: '劳动者编号', en: 'Worker ID' } },
    classId: { sql: 'class_id', title: { zh: '班级编号', en: 'Class ID' } },
    institutionId: { sql: 'institution_id', title: { zh: '培训机构编号', en: 'Institution ID' } },
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
    level: { sql: 'level', title: { zh: '等级', en: 'Level' }, sortable: true },
    kind: { sql: 'kind', title: { zh: '证书类别', en: 'Kind' }, sortable: true },
    issuedOn: { sql: 'issued_on', title: { zh: '发证日期', en: 'Issued on' }, sortable: true },
    status: { sql: 'status', title: { zh: '状态', en: 'Status' }, sortable: true },
  },
  filters: {
    institutionId: { sql: 'institution_id::text', op: 'eq' },
    occupationCode: { sql: 'occupation_code', op: 'eq' },
    kind: { sql: 'kind', op: 'eq' },
    status: { sql: 'status', op: 'eq' },
    issuedFrom: { sql: 'issued_on', op: 'gte' },
    issuedTo: { sql: 'issued_on', op: 'lte' },
  },
  defaultSort: '-issuedOn',
  tiebreak: 'certificateId',
  maxPageSize: 500,
});

/**
 * The caller's scope: an institution sees its own certificates only (naming another is refused); an
 * officer or auditor those of the jurisdiction asked for (default theirs) and below.
 */
export function certificateScope(
  principal: Principal,
  asked: { readonly jurisdiction?: string; readonly institutionId?: string },
): FixedCondition[] {
  if (actsOnlyAsInstitution(principal)) {
    const own = principal.institutionId;
    if (
      !own ||
      (asked.institutionId !== undefined && asked.institutionId.toLowerCase() !== own.toLowerCase())
    )
      throw new ForeignInstitution({ target: asked.institutionId ?? 'none' });
    return [{ filter: { sql: 'institution_id::text', op: 'eq' }, value: own.toLowerCase() }];
  }
  const jurisdiction = scopeOf(principal, READERS, asked.jurisdiction);
  return [{ filter: { sql: 'jurisdiction_code', op: 'prefix' }, value: jurisdictionPrefix(jurisdiction) }];
}

export function certificateExportFile(
  rows: AsyncIterable<ListRow<keyof typeof certificateList.columns>[]>,
  format: ExportFormat,
  today: string,
): ExportedFile {
  return exportList(certificateList, rows, { format, baseName: `证书名单-${today}`, sheetName: '证书名单' });
}
