// SubmitClaim: the party that fronted the cost claims a kind (and tranche) of subsidy; the platform
// computes the amount from the policy in force at the class start and the facts it holds, attaches the
// breakdown, and shows a requested amount that differs as a difference with the reasons.
import type { subsidyV1 } from '@jineng/contracts';
import { jsonDigest } from '@jineng/ddd';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { lookupParameter } from '@jineng/subsidy-computation';
import { uuidV5 } from '../../policy/policy-ids';
import { claimantOf, ClaimsContext } from '../claims-context';
import type { ClaimDifference, ClaimSubmittedData } from '../domain/claim';
import {
  AlreadyClaimed,
  ClaimForbidden,
  ClaimInputMissing,
  ClassNotCompleted,
  ClassNotKnown,
  FundSourceRequired,
  PrepaymentNotInAdvance,
  type PrepaidFacts,
} from '@jineng/subsidy-computation';
import type { CompletedClassFacts } from '@jineng/subsidy-computation';
import { computePrepayment } from '../domain/prepayment';
import type { ResolvedPolicy } from '@jineng/subsidy-computation';
import {
  assertNotClaimedBefore,
  computeClaim,
  employmentWindow,
  type ClaimComputation,
  type SubsidyKind,
  type Tranche,
} from '@jineng/subsidy-computation';
import { EmploymentTranches } from '../employment-tranche/employment-tranches';
import { ClaimFactsReader, type KnownClass } from '../read-model/claim-facts.reader';

const CLAIM_NAMESPACE = '8d3f1a52-4c6e-4b7a-9f20-1e5d7c9b3a64';

@Injectable()
export class SubmitClaimHandler {
  constructor(
    private readonly context: ClaimsContext,
    private readonly facts: ClaimFactsReader,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly tranches: EmploymentTranches,
  ) {}

  async handle(request: RpcRequest<subsidyV1.SubmitClaim>): Promise<subsidyV1.ClaimAccepted> {
    const { envelope, payload } = request;
    const principal = envelope.principal;
    const kind = payload.kind as SubsidyKind;
    const tranche = payload.tranche as Tranche;
    const claimantKind = payload.claimantKind as ClaimSubmittedData['claimantKind'];
    const claimantId = claimantOf(principal, claimantKind);
    if (!claimantId)
      throw new ClaimForbidden({
        reason: `只有垫付费用的一方（${claimantKind}）本身可以申领`,
        reasonEn: `only the party that fronted the cost (${claimantKind}) claims, acting as itself`,
      });
    const claimId = payload.claimId ?? uuidV5(CLAIM_NAMESPACE, envelope.commandId ?? '');
    const today = this.context.today();

    const known = payload.classId ? await this.facts.classOf(payload.classId) : undefined;
    if (payload.classId && !known) throw new ClassNotKnown({ classId: payload.classId });
    if (tranche === 'prepayment') return this.prepayment(request, claimId, known, claimantId);
    if (known && (known.status !== 'completed' || !known.completed))
      throw new ClassNotCompleted({ classId: known.classId, status: known.status });
    if (known && claimantKind === 'institution' && known.institutionId !== claimantId)
      throw new ClaimForbidden({
        reason: `班级 ${known.classId} 不是本机构的班级`,
        reasonEn: `class ${known.classId} is not this institution's`,
      });
    const cls = known?.completed;
    const jurisdiction = cls?.jurisdictionCode ?? payload.jurisdiction ?? principal.jurisdiction;
    const fundSource = cls?.fundSource ?? payload.fundSource;
    if (!fundSource) throw new FundSourceRequired({});

    if (cls)
      assertNotClaimedBefore(await this.claimedBefore(cls.classId), {
        claimId,
        classId: cls.classId,
        kind,
        tranche,
      });

    const policy = await this.context.policyOn(jurisdiction, cls?.startDate ?? today);
    const workerIds = [
      ...new Set([
        ...(cls?.trainees.map((t) => t.workerId) ?? []),
        ...(payload.wages ?? []).map((w) => w.workerId),
        ...(payload.apprentices ?? []).map((a) => a.workerId),
        ...(payload.hires ?? []).map((h) => h.workerId),
      ]),
    ];
    const computation = computeClaim({
      kind,
      tranche,
      policy,
      ...(cls ? { class: cls } : {}),
      workers: await this.facts.workersOf(workerIds),
      certificates: await this.facts.certificatesOf(workerIds),
      employments: await this.facts.employmentsOf(workerIds),
      history: await this.history(workerIds, claimId),
      overrides: cls ? await this.exceptions(workerIds, cls.classId) : [],
      ...(payload.tender ? { tender: payload.tender } : {}),
      ...(payload.wages ? { wages: payload.wages } : {}),
      ...(payload.apprentices ? { apprentices: payload.apprentices } : {}),
      ...(payload.hires ? { hires: payload.hires } : {}),
      ...(payload.year ? { year: payload.year } : {}),
      ...(cls ? await this.prepaid(cls.classId) : {}),
    });
    return this.submit(request, {
      claimId,
      kind,
      tranche,
      claimantId,
      jurisdiction,
      fundSource,
      computation,
      policy,
      cls,
    });
  }

  /** A prepayment (预拨): on the class as approved, before it completes (domain/prepayment.ts). */
  private async prepayment(
    request: RpcRequest<subsidyV1.SubmitClaim>,
    claimId: string,
    known: KnownClass | undefined,
    claimantId: string,
  ): Promise<subsidyV1.ClaimAccepted> {
    const { payload } = request;
    const kind = payload.kind as SubsidyKind;
    if (!known) throw new ClaimInputMissing({ kind, field: 'classId' });
    if (known.status !== 'approved')
      throw new PrepaymentNotInAdvance({ classId: known.classId, status: known.status });
    const claimantKind = payload.claimantKind as ClaimSubmittedData['claimantKind'];
    if (claimantKind === 'institution' && known.institutionId !== claimantId)
      throw new ClaimForbidden({
        reason: `班级 ${known.classId} 不是本机构的班级`,
        reasonEn: `class ${known.classId} is not this institution's`,
      });
    // one prepayment per class, whatever kind it was asked as
    const before = (await this.claimedBefore(known.classId)).find((c) => c.tranche === 'prepayment');
    if (before)
      throw new AlreadyClaimed({
        classId: known.classId,
        kind: before.kind,
        tranche: 'prepayment',
        claimId: before.claimId,
      });
    const policy = await this.context.policyOn(known.jurisdictionCode, known.startDate);
    const computation = computePrepayment({
      kind,
      policy,
      class: known,
      claimantKind,
      workers: await this.facts.workersOf(known.workerIds),
      ...(payload.tender ? { tender: payload.tender } : {}),
    });
    return this.submit(request, {
      claimId,
      kind,
      tranche: 'prepayment',
      claimantId,
      jurisdiction: known.jurisdictionCode,
      fundSource: known.fundSource,
      computation,
      policy,
      cls: {
        classId: known.classId,
        occupationCode: known.occupationCode,
        level: known.level,
        endDate: known.endDate,
      },
    });
  }

  private async submit(
    request: RpcRequest<subsidyV1.SubmitClaim>,
    c: {
      claimId: string;
      kind: SubsidyKind;
      tranche: Tranche;
      claimantId: string;
      jurisdiction: string;
      fundSource: string;
      computation: ClaimComputation;
      policy: ResolvedPolicy;
      cls?: Pick<CompletedClassFacts, 'classId' | 'occupationCode' | 'level' | 'endDate'> &
        Partial<CompletedClassFacts>;
    },
  ): Promise<subsidyV1.ClaimAccepted> {
    const { envelope, payload } = request;
    const principal = envelope.principal;
    const { claimId, kind, tranche, claimantId, jurisdiction, fundSource, computation, policy, cls } = c;
    const claimantKind = payload.claimantKind as ClaimSubmittedData['claimantKind'];
    const today = this.context.today();
    const classYear = cls ? Number(cls.endDate.slice(0, 4)) : undefined;
    const calendar = await this.context.calendarFor(jurisdiction);
    const review = lookupParameter(policy, 'claims', 'reviewWorkingDays');
    const notice = lookupParameter(policy, 'claims', 'publicNoticeWorkingDays');
    const data: ClaimSubmittedData = {
      claimId,
      kind,
      tranche,
      ...(cls
        ? { classId: cls.classId, occupationCode: cls.occupationCode, level: cls.level, classYear }
        : {}),
      claimantId,
      claimantKind,
      jurisdictionCode: jurisdiction,
      fundSource,
      requestedFen: payload.requestedFen,
      computedFen: computation.totalFen,
      breakdownDigest: jsonDigest(computation),
      headcount: computation.workerIds.length,
      policyVersionIds: [...computation.policyVersionIds],
      computation,
      ...(payload.requestedFen !== computation.totalFen
        ? { difference: differenceOf(payload.requestedFen, computation, payload.differenceReason) }
        : {}),
      commitmentSigned: payload.commitmentSigned as true,
      submittedOn: today,
      ...(review.set
        ? { reviewWorkingDays: review.value, firstReviewDueOn: calendar.addWorkingDays(today, review.value) }
        : {}),
      ...(notice.set ? { publicNoticeWorkingDays: notice.value } : {}),
      submittedBy: principal.userId,
    };
    const accepted = await this.context.run(request, claimId, jurisdiction, { type: 'SubmitClaim', data });
    // the certificate tranche claimed: its employment tranche waits for employment within the window
    if (cls?.startDate && kind === 'training_per_day' && tranche === 'certificate') {
      const window = employmentWindow({ policy }, cls);
      await this.tranches.open(claimId, {
        classId: cls.classId,
        claimId,
        claimantId,
        claimantKind,
        jurisdictionCode: jurisdiction,
        workerIds: [...computation.workerIds],
        startsOn: cls.startDate,
        until: window.until,
      });
    }
    return accepted;
  }

  /** The class's approved prepayment (approved or paid), which its final claim deducts. */
  private async prepaid(classId: string): Promise<{ prepaid?: PrepaidFacts }> {
    const { rows } = await this.pool.query<{ claim_id: string }>(
      `select claim_id from "${this.context.config.schema}".claims
        where class_id = $1 and tranche = 'prepayment' and status in ('approved', 'paid') order by claim_id limit 1`,
      [classId],
    );
    if (!rows[0]) return {};
    const claim = await this.context.loadClaim(rows[0].claim_id);
    const line = claim.submitted.computation.lines[0];
    return {
      prepaid: {
        claimId: rows[0].claim_id,
        approvedFen: claim.approvedFen ?? 0,
        policyVersionId: line.policyVersionId,
        clause: line.clause,
      },
    };
  }

  private async claimedBefore(classId: string) {
    const { rows } = await this.pool.query<{
      claim_id: string;
      class_id: string;
      kind: SubsidyKind;
      tranche: Tranche;
    }>(
      `select claim_id, class_id, kind, tranche from "${this.context.config.schema}".claims
        where class_id = $1 and status not in ('rejected', 'returned')`,
      [classId],
    );
    return rows.map((r) => ({ claimId: r.claim_id, classId: r.class_id, kind: r.kind, tranche: r.tranche }));
  }

  /** The training subsidies the workers received or claimed (claims not rejected or returned). */
  private async history(workerIds: readonly string[], claimId: string) {
    const { rows } = await this.pool.query<{
      worker_id: string;
      class_id: string;
      claim_id: string;
      occupation_code: string;
      level: number;
      year: number;
    }>(
      `select worker_id, class_id, claim_id, occupation_code, level, year from "${this.context.config.schema}".claim_trainees
        where worker_id = any($1::text[]) and counts and class_id is not null and claim_id <> $2`,
      [workerIds, claimId],
    );
    return rows.map((r) => ({
      workerId: r.worker_id,
      classId: r.class_id,
      claimId: r.claim_id,
      occupationCode: r.occupation_code,
      level: r.level,
      year: r.year,
    }));
  }

  private async exceptions(workerIds: readonly string[], classId: string) {
    const { rows } = await this.pool.query<{ worker_id: string; reason: string; granted_by: string }>(
      `select worker_id, reason, granted_by from "${this.context.config.schema}".claim_limit_exceptions
        where worker_id = any($1::text[]) and class_id = $2`,
      [workerIds, classId],
    );
    return rows.map((r) => ({ workerId: r.worker_id, reason: r.reason, officerId: r.granted_by }));
  }
}

function differenceOf(requestedFen: number, computation: ClaimComputation, reason?: string): ClaimDifference {
  return {
    requestedFen,
    computedFen: computation.totalFen,
    differenceFen: requestedFen - computation.totalFen,
    ...(reason ? { claimantReason: reason } : {}),
    platformReasons: [
      ...computation.excluded.map((e) => ({
        workerId: e.workerId,
        code: e.code,
        zh: e.reason.zh,
        en: e.reason.en,
      })),
      ...computation.notes.map((n) => ({ code: 'CLAIM.CAP_APPLIED', zh: n.zh, en: n.en })),
      ...(computation.headcountBasis
        ? [
            {
              code: 'CLAIM.INSPECTED_AVERAGE',
              zh: `抽查平均在训人数 ${computation.headcountBasis.averageInspectedHeadcount}，按 ${computation.headcountBasis.basis} 人计算`,
              en: `inspections averaged ${computation.headcountBasis.averageInspectedHeadcount} present: computed on ${computation.headcountBasis.basis} persons`,
            },
          ]
        : []),
    ],
  };
}
