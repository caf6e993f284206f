// The what-if as the query and the job run it: who may run it (an admin who may edit the draft, within
// their jurisdiction), then the completed classes of the period re-computed batch by batch — read-only,
// nothing appended — reporting how many classes of how many are done. Classes and their facts from the
// claims' local read model, what was paid from the claims.
import type { subsidyV1 } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
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
import {
  mergeSimulationRows,
  simulatePolicy,
  type SimulatedClass,
  type SimulationRow,
} from '../domain/simulate-policy';
import { jurisdictionPrefix } from '../list-claims/claim-lists';
import { ClaimFactsReader } from '../read-model/claim-facts.reader';

/** classes re-computed between two progress reports (and whose trainees' facts are read at once) */
export const SIMULATION_BATCH = 200;

type Period = Pick<subsidyV1.SimulatePolicy, 'draftVersionId' | 'jurisdiction' | 'periodFrom' | 'periodTo'>;

/** A what-if the caller may run: the draft, and the completed classes of the period to re-run. */
export interface AuthorizedSimulation {
  readonly request: Period;
  readonly draft: PublishedVersion;
  readonly classIds: readonly string[];
}

@Injectable()
export class PolicySimulation {
  constructor(
    private readonly context: ClaimsContext,
    private readonly versions: PolicyVersionsReadModel,
    private readonly facts: ClaimFactsReader,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async authorize(request: Period, principal: Principal): Promise<AuthorizedSimulation> {
    const draft = await this.versions.find(request.draftVersionId);
    if (!draft || draft.status !== 'draft')
      throw new PolicyVersionNotFound({ versionId: request.draftVersionId });
    assertMayAdminister(principal, draft.jurisdiction);
    assertWithin(request.jurisdiction, principal);
    const { rows } = await this.pool.query<{ class_id: string }>(
      `select class_id from ${this.S}.claim_classes where status = 'completed' and jurisdiction_code like $1
         and end_date >= $2 and end_date <= $3 order by class_id`,
      [`${jurisdictionPrefix(request.jurisdiction)}%`, request.periodFrom, request.periodTo],
    );
    return {
      request,
      // the draft as if published after every published version: it wins where it sets a parameter
      draft: { ...draft, publishedAt: '9999-12-31T23:59:59.999Z' },
      classIds: rows.map((r) => r.class_id),
    };
  }

  /** Runs it; `report(done, total)` after each batch of classes. */
  async run(
    simulation: AuthorizedSimulation,
    report: (done: number, total: number) => Promise<void> = async () => undefined,
  ): Promise<subsidyV1.PolicySimulation> {
    const { request, draft, classIds } = simulation;
    const published = await this.versions.publishedIn(chainOf(request.jurisdiction));
    let rows: SimulationRow[] = [];
    let simulated = 0;
    for (let start = 0; start < classIds.length; start += SIMULATION_BATCH) {
      const batch = await this.classes(classIds.slice(start, start + SIMULATION_BATCH));
      const ids = [...new Set(batch.flatMap((c) => c.facts.trainees.map((t) => t.workerId)))];
      const part = simulatePolicy(
        batch,
        {
          workers: await this.facts.workersOf(ids),
          certificates: await this.facts.certificatesOf(ids),
          employments: await this.facts.employmentsOf(ids),
        },
        {
          current: (cls) => resolvePolicy(cls.jurisdictionCode, cls.startDate, published),
          draft: (cls) => resolvePolicy(cls.jurisdictionCode, cls.startDate, [...published, draft]),
        },
      );
      rows = mergeSimulationRows(rows, part);
      simulated += batch.length;
      await report(Math.min(start + SIMULATION_BATCH, classIds.length), classIds.length);
    }
    return {
      draftVersionId: request.draftVersionId,
      classes: simulated,
      rows: rows.map((r) => ({ ...r, traineesAffected: [...r.traineesAffected] })),
    };
  }

  /** The completed classes that were claimed for, with what was claimed and paid per kind and tranche. */
  private async classes(classIds: readonly string[]): Promise<SimulatedClass[]> {
    const classes: SimulatedClass[] = [];
    for (const classId of classIds) {
      const known = await this.facts.classOf(classId);
      if (!known?.completed) continue;
      const claimed = await this.pool.query<{ kind: SubsidyKind; tranche: Tranche; paid: string }>(
        `select kind, tranche, coalesce(sum(case when status = 'paid' then approved_fen else 0 end), 0) as paid
           from ${this.S}.claims where class_id = $1 and status not in ('rejected', 'returned') group by kind, tranche`,
        [classId],
      );
      if (claimed.rows.length === 0) continue;
      classes.push({
        facts: known.completed,
        claims: claimed.rows.map((r) => ({ kind: r.kind, tranche: r.tranche, paidFen: Number(r.paid) })),
      });
    }
    return classes;
  }

  private get S(): string {
    return `"${this.context.config.schema}"`;
  }
}
