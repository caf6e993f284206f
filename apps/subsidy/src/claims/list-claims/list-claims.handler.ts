// ListClaims (officers: per jurisdiction, status, class, overdue; an institution's or enterprise's clerk:
// their own claims, by status and class), ListPublicNotices (anyone: the claims
// on notice today — claimant, class, occupation, headcount, amount; no names, no ID numbers) and
// ListMyClaims (a trainee: every claim that names them, with the amount in their name).
import type { subsidyV1 } from '@jineng/contracts';
import { addCalendarDays } from '@jineng/kernel';
import { queryPage, type FixedCondition } from '@jineng/lists';
import type { Principal, RpcRequest } from '@jineng/messaging';
import { PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { assertOfficerFor, ClaimsContext, listingClaimant, workerOf } from '../claims-context';
import { ClaimForbidden } from '@jineng/subsidy-computation';
import { CLAIM_LIST, NOTICE_LIST, claimantListOf, isOverdue, noticesOf, officerListOf } from './claim-lists';

type Row = Record<string, unknown>;

/**
 * What the caller's list of claims may hold (page and export alike): a clerk's own claims, or an
 * officer's jurisdiction; anyone else is refused.
 */
export function claimListFor(
  principal: Principal,
  payload: { status?: string; classId?: string; overdue?: boolean },
  jurisdiction: string,
  today: string,
) {
  const yesterday = addCalendarDays(today, -1);
  const claimant = listingClaimant(principal);
  if (claimant) return claimantListOf(payload, claimant, yesterday);
  assertOfficerFor(principal, jurisdiction);
  return officerListOf(payload, jurisdiction, yesterday);
}

@Injectable()
export class ListClaimsHandler {
  constructor(
    private readonly context: ClaimsContext,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async list(request: RpcRequest<subsidyV1.ListClaims>): Promise<subsidyV1.ClaimList> {
    const { payload, envelope } = request;
    const jurisdiction = payload.jurisdiction ?? envelope.principal.jurisdiction;
    const today = this.context.today();
    const { filters, fixed } = claimListFor(envelope.principal, payload, jurisdiction, today);
    const page = await queryPage(
      this.pool,
      CLAIM_LIST,
      this.context.config.schema,
      { ...filters, ...paging(payload) },
      fixed,
    );
    return { ...page, items: page.items.map((row) => summaryOf(row, today)) };
  }

  async notices(request: RpcRequest<subsidyV1.ListPublicNotices>): Promise<subsidyV1.PublicNoticeList> {
    const { payload } = request;
    const today = this.context.today();
    const page = await queryPage(this.pool, NOTICE_LIST, this.context.config.schema, {
      ...noticesOf(payload.jurisdiction, today),
      ...paging(payload),
    });
    return {
      ...page,
      items: page.items.map((r) => ({
        claimId: String(r.claimId),
        claimantKind: String(r.claimantKind),
        claimantId: String(r.claimantId),
        ...(r.classId ? { classId: String(r.classId) } : {}),
        ...(r.occupationCode ? { occupationCode: String(r.occupationCode) } : {}),
        ...(r.level !== null ? { level: Number(r.level) } : {}),
        kind: String(r.kind),
        headcount: Number(r.headcount),
        amountFen: Number(r.amountFen),
        startsOn: String(r.startsOn),
        endsOn: String(r.endsOn),
      })),
    };
  }

  async mine(request: RpcRequest<subsidyV1.ListMyClaims>): Promise<subsidyV1.ClaimList> {
    const { payload, envelope } = request;
    const workerId = traineeOf(envelope.principal);
    const own = await ownAmountsOf(this.pool, this.context.config.schema, workerId);
    const today = this.context.today();
    const page = await queryPage(
      this.pool,
      CLAIM_LIST,
      this.context.config.schema,
      paging(payload),
      myClaimsScope(own, payload.status),
    );
    const confirmed = await confirmedBy(
      this.pool,
      this.context.config.schema,
      workerId,
      page.items.map((row) => String(row.claimId)),
    );
    return {
      ...page,
      items: page.items.map((row) => ({
        ...summaryOf(row, today),
        ownAmountFen: own.get(String(row.claimId)) ?? 0,
        confirmedByMe: confirmed.has(String(row.claimId)),
      })),
    };
  }
}

/** Which of these claims the trainee has confirmed (the claim's view keeps who confirmed it). */
async function confirmedBy(
  pool: Pool,
  schema: string,
  workerId: string,
  claimIds: readonly string[],
): Promise<Set<string>> {
  if (claimIds.length === 0) return new Set();
  const { rows } = await pool.query<{ claim_id: string }>(
    `select claim_id from "${schema}".claims where claim_id = any($1) and (view::jsonb -> 'confirmedBy') ? $2`,
    [claimIds, workerId],
  );
  return new Set(rows.map((r) => String(r.claim_id)));
}

/** A trainee's claims (those that name them), in the status asked if one is. */
export function myClaimsScope(own: ReadonlyMap<string, number>, status?: string): FixedCondition[] {
  return [
    { filter: CLAIM_LIST.filters.claimIds, value: [...own.keys()] },
    ...(status ? [{ filter: CLAIM_LIST.filters.status, value: status }] : []),
  ];
}

/** The claims that name a trainee, and the amount in their name in each. */
export async function ownAmountsOf(
  pool: Pool,
  schema: string,
  workerId: string,
): Promise<Map<string, number>> {
  const { rows } = await pool.query<{ claim_id: string; amount_fen: string }>(
    `select claim_id, amount_fen from "${schema}".claim_trainees where worker_id = $1`,
    [workerId],
  );
  return new Map(rows.map((r) => [r.claim_id, Number(r.amount_fen)]));
}

/** A worker principal's own record only. */
export function traineeOf(principal: Principal): string {
  const workerId = workerOf(principal);
  if (!workerId)
    throw new ClaimForbidden({
      reason: '学员本人查看涉及自己的申领',
      reasonEn: 'a trainee sees the claims that name them',
    });
  return workerId;
}

const paging = (p: { page?: number; pageSize?: number; sort?: string }) => ({
  ...(p.page ? { page: p.page } : {}),
  ...(p.pageSize ? { pageSize: p.pageSize } : {}),
  ...(p.sort ? { sort: p.sort } : {}),
});

function summaryOf(r: Row, today: string): subsidyV1.ClaimSummary {
  const dueOn = r.dueOn ? String(r.dueOn) : undefined;
  return {
    claimId: String(r.claimId),
    kind: String(r.kind),
    tranche: String(r.tranche),
    ...(r.classId ? { classId: String(r.classId) } : {}),
    claimantId: String(r.claimantId),
    claimantKind: String(r.claimantKind),
    jurisdictionCode: String(r.jurisdictionCode),
    status: String(r.status),
    requestedFen: Number(r.requestedFen),
    computedFen: Number(r.computedFen),
    submittedOn: String(r.submittedOn),
    ...(dueOn ? { dueOn } : {}),
    overdue: isOverdue(dueOn, String(r.status), today),
  };
}
