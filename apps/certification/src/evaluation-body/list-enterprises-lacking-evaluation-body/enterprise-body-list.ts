// Enterprises that must set up their own evaluation body and have none recorded (libs/lists): the
// policy's minimum staff (assessment.ownEvaluationBody in force today in the asked jurisdiction) is a
// condition the handler adds; where no level sets it the rule is not applied and nothing is listed.
import { shanghaiDate, type Clock } from '@jineng/kernel';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';
import type { Principal } from '@jineng/messaging';
import type { CertificationReads } from '../../local/certification-reads';
import { chainOf, parameterInForce } from '../../local/policy-resolution';
import { jurisdictionPrefix, READERS, scopeOf } from '../../shared/access';

export const enterpriseBodyList = defineList({
  table: 'enterprises_without_own_body',
  columns: {
    enterpriseId: { sql: 'enterprise_id', title: { zh: '企业编号', en: 'Enterprise ID' } },
    name: { sql: 'name', title: { zh: '企业名称', en: 'Enterprise' }, sortable: true },
    jurisdictionCode: {
      sql: 'jurisdiction_code',
      title: { zh: '所属区划', en: 'Jurisdiction' },
      sortable: true,
    },
    headcount: { sql: 'headcount', title: { zh: '职工人数', en: 'Staff' }, sortable: true },
  },
  filters: {},
  defaultSort: '-headcount',
  tiebreak: 'enterpriseId',
  maxPageSize: 500,
});

export interface EnterpriseBodyScope {
  /** null where no level sets the rule: nothing to list */
  readonly conditions: FixedCondition[] | null;
  readonly rule: { readonly minStaff: number; readonly deadline?: string; readonly versionId: string } | null;
  readonly jurisdiction: string;
}

export async function enterpriseBodyScope(
  reads: CertificationReads,
  clock: Clock,
  principal: Principal,
  asked: string | undefined,
): Promise<EnterpriseBodyScope> {
  const jurisdiction = scopeOf(principal, READERS, asked);
  const versions = await reads.policyVersions(chainOf(jurisdiction));
  const found = parameterInForce(
    versions,
    jurisdiction,
    shanghaiDate(clock.now()),
    'assessment',
    'ownEvaluationBody',
  );
  if (!found) return { jurisdiction, rule: null, conditions: null };
  return {
    jurisdiction,
    rule: {
      minStaff: found.value.minStaff,
      ...(found.value.deadline !== undefined ? { deadline: found.value.deadline } : {}),
      versionId: found.versionId,
    },
    conditions: [
      { filter: { sql: 'jurisdiction_code', op: 'prefix' }, value: jurisdictionPrefix(jurisdiction) },
      { filter: { sql: 'headcount', op: 'gte' }, value: found.value.minStaff },
    ],
  };
}

export function enterpriseBodyExportFile(
  rows: AsyncIterable<ListRow<keyof typeof enterpriseBodyList.columns>[]>,
  format: ExportFormat,
  jurisdiction: string,
  today: string,
): ExportedFile {
  return exportList(enterpriseBodyList, rows, {
    format,
    baseName: `未设评价机构的企业-${jurisdiction}-${today}`,
    sheetName: '未设评价机构的企业',
  });
}
