// The trainee's own certificates (ListMyCertificates, ExportMyCertificates): the worker is the signed-in
// principal, never a parameter; the list shows what the certificate says, not who else holds one.
import type { Principal } from '@jineng/messaging';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';
import { RoleNotAllowed } from '../../shared/access.errors';

export const myCertificateList = defineList({
  table: 'certificates',
  columns: {
    certificateId: { sql: 'certificate_id', title: { zh: '证书编号（内部）', en: 'Certificate ID' } },
    certificateNumber: {
      sql: 'certificate_number',
      title: { zh: '证书编号', en: 'Certificate number' },
      sortable: true,
    },
    occupationCode: {
      sql: 'occupation_code',
      title: { zh: '职业（工种）代码', en: 'Occupation' },
      sortable: true,
    },
    level: { sql: 'level', title: { zh: '等级', en: 'Level' } },
    kind: { sql: 'kind', title: { zh: '证书类别', en: 'Kind' } },
    issuedOn: { sql: 'issued_on', title: { zh: '发证日期', en: 'Issued on' }, sortable: true },
    status: { sql: 'status', title: { zh: '状态', en: 'Status' }, sortable: true },
  },
  filters: { status: { sql: 'status', op: 'eq' } },
  defaultSort: '-issuedOn',
  tiebreak: 'certificateId',
  maxPageSize: 500,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A worker principal (whose user id is their worker id) sees their own certificates; nobody else does. */
export function ownCertificates(principal: Principal): FixedCondition[] {
  if (!principal.roles.includes('worker') || !UUID.test(principal.userId))
    throw new RoleNotAllowed({ allowed: ['worker'], roles: [...principal.roles] });
  return [{ filter: { sql: 'worker_id', op: 'eq' }, value: principal.userId }];
}

export function myCertificateExportFile(
  rows: AsyncIterable<ListRow<keyof typeof myCertificateList.columns>[]>,
  format: ExportFormat,
  today: string,
): ExportedFile {
  return exportList(myCertificateList, rows, {
    format,
    baseName: `我的证书-${today}`,
    sheetName: '我的证书',
  });
}
