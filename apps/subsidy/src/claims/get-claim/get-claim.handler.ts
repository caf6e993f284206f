// GetClaim: one claim with its breakdown, reviews, notice, objections and payments — for officers of
// its jurisdiction (with objectors' contacts), the claimant, and a trainee named in it (their own lines
// and objections only).
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { ClaimsContext, mayRead, workerOf } from '../claims-context';
import { ClaimNotFound } from '../domain/claim';
import type { ClaimViewData } from '../read-model/claims.projection';

@Injectable()
export class GetClaimHandler {
  constructor(
    private readonly context: ClaimsContext,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async handle(request: RpcRequest<subsidyV1.GetClaim>): Promise<subsidyV1.ClaimView> {
    const { payload, envelope } = request;
    const claim = await this.context.loadClaim(payload.claimId);
    const as = mayRead(envelope.principal, claim);
    // a claim the caller may not see does not exist for them
    if (!as) throw new ClaimNotFound({ claimId: payload.claimId });
    const S = `"${this.context.config.schema}"`;
    const { rows } = await this.pool.query<{ view: ClaimViewData }>(
      `select view from ${S}.claims where claim_id = $1`,
      [payload.claimId],
    );
    if (!rows[0]) throw new ClaimNotFound({ claimId: payload.claimId });
    const view = withOverdue(rows[0].view, this.context.today());
    if (as === 'officer') {
      const contacts = await this.pool.query<{ objection_id: string; contact: string }>(
        `select objection_id, contact from ${S}.claim_objection_contacts where claim_id = $1`,
        [payload.claimId],
      );
      const byId = new Map(contacts.rows.map((r) => [r.objection_id, r.contact]));
      return {
        ...view,
        objections: view.objections.map((o) =>
          byId.has(o.objectionId) ? { ...o, contact: byId.get(o.objectionId)! } : o,
        ),
      };
    }
    if (as === 'claimant') return view;
    const workerId = workerOf(envelope.principal)!;
    const lines = view.computation.lines.filter((l) => l.workerId === workerId);
    return {
      ...view,
      summary: { ...view.summary, ownAmountFen: lines.reduce((sum, l) => sum + l.amountFen, 0) },
      computation: {
        ...view.computation,
        lines,
        excluded: view.computation.excluded.filter((e) => e.workerId === workerId),
        overrides: view.computation.overrides.filter((o) => o.workerId === workerId),
        workerIds: [workerId],
      },
      objections: view.objections.filter((o) => o.workerId === workerId),
      confirmedBy: view.confirmedBy.filter((w) => w === workerId),
    };
  }
}

/** A review in hand past its due date is overdue (Asia/Shanghai today). */
export function withOverdue(view: ClaimViewData, today: string): ClaimViewData {
  const pending = view.summary.status === 'submitted' || view.summary.status === 'first_reviewed';
  return {
    ...view,
    summary: {
      ...view.summary,
      overdue: pending && view.summary.dueOn !== undefined && view.summary.dueOn < today,
    },
  };
}
