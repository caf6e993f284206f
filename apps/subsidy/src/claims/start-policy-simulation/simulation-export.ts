// The what-if's file: one row per subsidy kind and county — classes, paid, the draft's amount, the
// difference, how many trainees' amounts change and which (registry ids, no names: the admin's file).
import { defineList, exportList, type ExportFormat, type ExportedFile } from '@jineng/lists';
import type { subsidyV1 } from '@jineng/contracts';

const column = (zh: string, en: string) => ({ sql: '', title: { zh, en } });

export const SIMULATION_COLUMNS = defineList({
  table: 'policy_simulation',
  columns: {
    kind: { ...column('补贴类型', 'kind'), sortable: true },
    county: column('县（市、区）', 'county'),
    classes: column('班级数', 'classes'),
    paidFen: column('已拨付（分）', 'paid (fen)'),
    draftFen: column('按草案（分）', 'under the draft (fen)'),
    differenceFen: column('差额（分）', 'difference (fen)'),
    traineesAffectedCount: column('受影响学员数', 'trainees affected'),
    traineesAffected: column('受影响学员编号', 'trainees affected (ids)'),
  },
  filters: {},
  defaultSort: 'kind',
  tiebreak: 'kind',
});

/** `政策测算-<draft>-<jurisdiction>-<from>-<to>.xlsx` */
export function simulationFile(
  simulation: subsidyV1.PolicySimulation,
  request: { jurisdiction: string; periodFrom: string; periodTo: string },
  format: ExportFormat,
): ExportedFile {
  const rows = simulation.rows.map((r) => ({ ...r, traineesAffectedCount: r.traineesAffected.length }));
  return exportList(
    SIMULATION_COLUMNS,
    (async function* () {
      yield rows;
    })(),
    {
      format,
      baseName: `政策测算-${simulation.draftVersionId}-${request.jurisdiction}-${request.periodFrom}-${request.periodTo}`,
      sheetName: '政策测算',
    },
  );
}
