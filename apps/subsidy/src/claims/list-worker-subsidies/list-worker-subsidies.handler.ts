// ListWorkerSubsidies: a worker's subsidies in a year, as the yearly limit counts them (DOMAIN §5:
// "subsidies per worker per year"; Qujing 「原则上每人每年可享受不超过3次」) — for an officer judging a
// claim or recording a limit exception. The claims listed are those within the officer's jurisdiction;
// the count covers every jurisdiction, because the limit is the worker's wherever they trained (the
// others are counted, not shown). Read from the claims' own read model (claim_trainees: one row per
// claim and trainee, `counts` as the limit counts it), in the order the classes ended.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL } from '@jineng/service-runtime';
import { ClaimForbidden } from '@jineng/subsidy-computation';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ClaimsContext, isOfficer, within } from '../claims-context';

interface Row {
  claim_id: string;
  class_id: string | null;
  kind: string;
  tranche: string;
  status: string;
  jurisdiction_code: string;
  occupation_code: string | null;
  level: number | null;
  amount_fen: string;
  counts: boolean;
  submitted_on: string;
}

@Injectable()
export class ListWorkerSubsidiesHandler {
  constructor(
    private readonly context: ClaimsContext,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async list(request: RpcRequest<subsidyV1.ListWorkerSubsidies>): Promise<subsidyV1.WorkerSubsidies> {
    const { payload, envelope } = request;
    const principal = envelope.principal;
    if (!isOfficer(principal) && !principal.roles.includes('auditor'))
      throw new ClaimForbidden({
        reason: '劳动者的年度补贴记录仅供人社部门经办人员和审计人员查阅',
        reasonEn: "a worker's subsidies of a year are for officers and auditors",
      });
    const schema = this.context.config.schema;
    const { rows } = await this.pool.query<Row>(
      `select t.claim_id, t.class_id, c.kind, c.tranche, c.status, c.jurisdiction_code, t.occupation_code,
              t.level, t.amount_fen, t.counts, c.submitted_on
         from "${schema}".claim_trainees t join "${schema}".claims c using (claim_id)
         left join "${schema}".claim_classes k on k.class_id = t.class_id
        where t.worker_id = $1 and t.year = $2
        order by k.end_date nulls last, c.submitted_on, t.claim_id`,
      [payload.workerId, payload.year],
    );
    const counted = new Set(rows.filter((r) => r.counts && r.class_id).map((r) => r.class_id!));
    const mine = rows.filter((r) => within(r.jurisdiction_code, principal));
    const countedHere = new Set(mine.filter((r) => r.counts && r.class_id).map((r) => r.class_id!));
    const exceptions = await this.pool.query<{ class_id: string; reason: string; granted_by: string }>(
      `select class_id, reason, granted_by from "${schema}".claim_limit_exceptions
        where worker_id = $1 and class_id = any($2::text[]) order by class_id`,
      [payload.workerId, mine.map((r) => r.class_id).filter((id): id is string => id !== null)],
    );
    return {
      workerId: payload.workerId,
      year: payload.year,
      classesCounted: counted.size,
      classesCountedElsewhere: [...counted].filter((id) => !countedHere.has(id)).length,
      items: mine.map((r) => ({
        claimId: r.claim_id,
        ...(r.class_id ? { classId: r.class_id } : {}),
        kind: r.kind,
        tranche: r.tranche,
        status: r.status,
        jurisdictionCode: r.jurisdiction_code,
        ...(r.occupation_code ? { occupationCode: r.occupation_code } : {}),
        ...(r.level !== null ? { level: r.level } : {}),
        amountFen: Number(r.amount_fen),
        counts: r.counts,
        submittedOn: r.submitted_on,
      })),
      exceptions: exceptions.rows.map((e) => ({
        classId: e.class_id,
        reason: e.reason,
        grantedBy: e.granted_by,
      })),
    };
  }
}
