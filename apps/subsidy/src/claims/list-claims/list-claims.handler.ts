// ListClaims (officers: per jurisdiction, status, class, overdue), ListPublicNotices (anyone: the claims
// on notice today — claimant, class, occupation, headcount, amount; no names, no ID numbers) and
// ListMyClaims (a trainee: every claim that names them, with the amount in their name).
import type { subsidyV1 } from '@jineng/contracts';
import { addCalendarDays } from '@jineng/kernel';
import { queryPage, type FixedCondition } from '@jineng/lists';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { assertOfficerFor, ClaimsContext, workerOf } from '../claims-context';
import { ClaimForbidden } from '@jineng/subsidy-computation';
import { CLAIM_LIST, NOTICE_LIST, jurisdictionPrefix } from './claim-lists';

type Row = Record<string, unknown>;
const PENDING = ['submitted', 'first_reviewed'];

@Injectable()
export class ListClaimsHandler {
  constructor(
    private readonly context: ClaimsContext,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async list(request: RpcRequest<subsidyV1.ListClaims>): Promise<subsidyV1.ClaimList> {
    const { payload, envelope } = request;
    const jurisdiction = payload.jurisdiction ?? envelope.principal.jurisdiction;
    assertOfficerFor(envelope.principal, jurisdiction);
    const today = this.context.today();
    const fixed: FixedCondition[] = [
      { filter: CLAIM_LIST.filters.jurisdictionPrefix, value: jurisdictionPrefix(jurisdiction) },
    ];
    if (payload.overdue)
      fixed.push(
        { filter: CLAIM_LIST.filters.dueBefore, value: addCalendarDays(today, -1) },
        { filter: CLAIM_LIST.filters.statusIn, value: PENDING },
      );
    const page = await queryPage(
      this.pool,
      CLAIM_LIST,
      this.context.config.schema,
      {
        ...(payload.status ? { status: payload.status } : {}),
        ...(payload.classId ? { classId: payload.classId } : {}),
        ...paging(payload),
      },
      fixed,
    );
    return { ...page, items: page.items.map((row) => summaryOf(row, today)) };
  }

  async notices(request: RpcRequest<subsidyV1.ListPublicNotices>): Promise<subsidyV1.PublicNoticeList> {
    const { payload } = request;
    const today = this.context.today();
    const page = await queryPage(this.pool, NOTICE_LIST, this.context.config.schema, {
      jurisdictionPrefix: jurisdictionPrefix(payload.jurisdiction),
      startedBy: today,
      endsFrom: today,
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
    const workerId = workerOf(envelope.principal);
    if (!workerId)
      throw new ClaimForbidden({
        reason: '学员本人查看涉及自己的申领',
        reasonEn: 'a trainee sees the claims that name them',
      });
    const S = `"${this.context.config.schema}"`;
    const { rows } = await this.pool.query<{ claim_id: string; amount_fen: string }>(
      `select claim_id, amount_fen from ${S}.claim_trainees where worker_id = $1`,
      [workerId],
    );
    const own = new Map(rows.map((r) => [r.claim_id, Number(r.amount_fen)]));
    const today = this.context.today();
    const page = await queryPage(this.pool, CLAIM_LIST, this.context.config.schema, paging(payload), [
      { filter: CLAIM_LIST.filters.claimIds, value: [...own.keys()] },
    ]);
    return {
      ...page,
      items: page.items.map((row) => ({
        ...summaryOf(row, today),
        ownAmountFen: own.get(String(row.claimId)) ?? 0,
      })),
    };
  }
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
    overdue: dueOn !== undefined && dueOn < today && PENDING.includes(String(r.status)),
  };
}
