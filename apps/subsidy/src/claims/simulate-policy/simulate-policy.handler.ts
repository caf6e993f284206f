// SimulatePolicy: an admin who may edit the draft re-runs the completed classes of a period under it —
// read-only, nothing appended. Classes and their facts from the claims' local read model, what was paid
// from the claims.
import type { subsidyV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { chainOf } from '@jineng/subsidy-computation';
import { assertMayAdminister, assertWithin } from '../../policy/domain/policy-access';
import { PolicyVersionNotFound } from '@jineng/subsidy-computation';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { PolicyVersionsReadModel } from '../../policy/read-model/policy-versions.read-model';
import { ClaimsContext } from '../claims-context';
import type { SubsidyKind, Tranche } from '@jineng/subsidy-computation';
import { simulatePolicy, type SimulatedClass } from '../domain/simulate-policy';
import { jurisdictionPrefix } from '../list-claims/claim-lists';
import { ClaimFactsReader } from '../read-model/claim-facts.reader';

@Injectable()
export class SimulatePolicyHandler {
  constructor(
    private readonly context: ClaimsContext,
    private readonly versions: PolicyVersionsReadModel,
    private readonly facts: ClaimFactsReader,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async handle(request: RpcRequest<subsidyV1.SimulatePolicy>): Promise<subsidyV1.PolicySimulation> {
    const { payload, envelope } = request;
    const draft = await this.versions.find(payload.draftVersionId);
    if (!draft || draft.status !== 'draft')
      throw new PolicyVersionNotFound({ versionId: payload.draftVersionId });
    assertMayAdminister(envelope.principal, draft.jurisdiction);
    assertWithin(payload.jurisdiction, envelope.principal);
    const S = `"${this.context.config.schema}"`;
    const { rows } = await this.pool.query<{ class_id: string }>(
      `select class_id from ${S}.claim_classes where status = 'completed' and jurisdiction_code like $1
         and end_date >= $2 and end_date <= $3 order by class_id`,
      [`${jurisdictionPrefix(payload.jurisdiction)}%`, payload.periodFrom, payload.periodTo],
    );
    const classes: SimulatedClass[] = [];
    const workerIds = new Set<string>();
    for (const { class_id } of rows) {
      const known = await this.facts.classOf(class_id);
      if (!known?.completed) continue;
      const claimed = await this.pool.query<{ kind: SubsidyKind; tranche: Tranche; paid: string }>(
        `select kind, tranche, coalesce(sum(case when status = 'paid' then approved_fen else 0 end), 0) as paid
           from ${S}.claims where class_id = $1 and status not in ('rejected', 'returned') group by kind, tranche`,
        [class_id],
      );
      if (claimed.rows.length === 0) continue;
      for (const t of known.completed.trainees) workerIds.add(t.workerId);
      classes.push({
        facts: known.completed,
        claims: claimed.rows.map((r) => ({ kind: r.kind, tranche: r.tranche, paidFen: Number(r.paid) })),
      });
    }
    const ids = [...workerIds];
    const published = await this.versions.publishedIn(chainOf(payload.jurisdiction));
    const asPublished: PublishedVersion = {
      ...draft,
      publishedAt: '9999-12-31T23:59:59.999Z',
    };
    const result = simulatePolicy(
      classes,
      {
        workers: await this.facts.workersOf(ids),
        certificates: await this.facts.certificatesOf(ids),
        employments: await this.facts.employmentsOf(ids),
      },
      {
        current: (cls) => resolvePolicy(cls.jurisdictionCode, cls.startDate, published),
        draft: (cls) => resolvePolicy(cls.jurisdictionCode, cls.startDate, [...published, asPublished]),
      },
    );
    return {
      draftVersionId: payload.draftVersionId,
      classes: classes.length,
      rows: result.map((r) => ({ ...r, traineesAffected: [...r.traineesAffected] })),
    };
  }
}
