// The policy what-if (read-only): every completed class of a period re-computed under a draft policy
// version, per subsidy kind and county — what was paid, what the draft would pay, the difference, and
// the trainees whose amount would change. Pure: the caller resolves both policies per class.
import type { ResolvedPolicy } from '@jineng/subsidy-computation';
import type {
  CertificateFact,
  CompletedClassFacts,
  EmploymentFact,
  WorkerFacts,
} from '@jineng/subsidy-computation';
import {
  computeClaim,
  type ClaimComputation,
  type SubsidyKind,
  type Tranche,
} from '@jineng/subsidy-computation';

export interface SimulatedClass {
  readonly facts: CompletedClassFacts;
  /** what was claimed for the class, and what of it was paid */
  readonly claims: readonly {
    readonly kind: SubsidyKind;
    readonly tranche: Tranche;
    readonly paidFen: number;
  }[];
}

export interface SimulationFacts {
  readonly workers: ReadonlyMap<string, WorkerFacts>;
  readonly certificates: readonly CertificateFact[];
  readonly employments: readonly EmploymentFact[];
}

export interface SimulationRow {
  readonly kind: SubsidyKind;
  readonly county: string;
  readonly classes: number;
  readonly paidFen: number;
  readonly draftFen: number;
  readonly differenceFen: number;
  readonly traineesAffected: readonly string[];
}

/**
 * Kinds computed from the claimant's own evidence (tender, payroll, apprentices, hires), which the
 * platform keeps only as references: not re-computed (left out of the answer).
 */
export const EVIDENCE_KINDS: readonly SubsidyKind[] = [
  'free_training',
  'apprenticeship',
  'small_micro_new_hire',
  'work_based_training',
];

/** Per (kind, county): the draft's amount against what was paid; a kind the draft leaves not set pays 0. */
export function simulatePolicy(
  classes: readonly SimulatedClass[],
  facts: SimulationFacts,
  policies: {
    readonly current: (cls: CompletedClassFacts) => ResolvedPolicy;
    readonly draft: (cls: CompletedClassFacts) => ResolvedPolicy;
  },
): SimulationRow[] {
  const resolved = new Map<string, { current: ResolvedPolicy; draft: ResolvedPolicy }>();
  const certificatesOf = groupByWorker(facts.certificates);
  const employmentsOf = groupByWorker(facts.employments);
  const rows = new Map<
    string,
    {
      kind: SubsidyKind;
      county: string;
      classes: Set<string>;
      paidFen: number;
      draftFen: number;
      affected: Set<string>;
    }
  >();
  for (const cls of classes) {
    // the policies depend on the class's jurisdiction and start only: resolved once per pair
    const key = `${cls.facts.jurisdictionCode}|${cls.facts.startDate}`;
    if (!resolved.has(key))
      resolved.set(key, { current: policies.current(cls.facts), draft: policies.draft(cls.facts) });
    const { current, draft } = resolved.get(key)!;
    for (const claim of cls.claims) {
      if (EVIDENCE_KINDS.includes(claim.kind)) continue;
      const key = `${claim.kind}|${cls.facts.jurisdictionCode}`;
      const row = rows.get(key) ?? {
        kind: claim.kind,
        county: cls.facts.jurisdictionCode,
        classes: new Set<string>(),
        paidFen: 0,
        draftFen: 0,
        affected: new Set<string>(),
      };
      rows.set(key, row);
      row.classes.add(cls.facts.classId);
      row.paidFen += claim.paidFen;
      // only the class's trainees' facts: each class is computed on its own
      const ids = cls.facts.trainees.map((t) => t.workerId);
      const input = {
        kind: claim.kind,
        tranche: claim.tranche,
        class: cls.facts,
        workers: facts.workers,
        certificates: ids.flatMap((id) => certificatesOf.get(id) ?? []),
        employments: ids.flatMap((id) => employmentsOf.get(id) ?? []),
      };
      const now = perWorker(tryCompute(() => computeClaim({ ...input, policy: current })));
      const then = perWorker(tryCompute(() => computeClaim({ ...input, policy: draft })));
      for (const amount of then.values()) row.draftFen += amount;
      for (const worker of new Set([...now.keys(), ...then.keys()]))
        if ((now.get(worker) ?? 0) !== (then.get(worker) ?? 0)) row.affected.add(worker);
    }
  }
  return [...rows.values()]
    .sort((a, b) => (a.kind === b.kind ? (a.county < b.county ? -1 : 1) : a.kind < b.kind ? -1 : 1))
    .map((r) => ({
      kind: r.kind,
      county: r.county,
      classes: r.classes.size,
      paidFen: r.paidFen,
      draftFen: r.draftFen,
      differenceFen: r.draftFen - r.paidFen,
      traineesAffected: [...r.affected].sort(),
    }));
}

/** A computation the policy refuses (a kind not set, nobody qualifying) pays nothing. */
function tryCompute(run: () => ClaimComputation): ClaimComputation | undefined {
  try {
    return run();
  } catch (error) {
    if (error instanceof Error && 'code' in error) return undefined;
    throw error;
  }
}

function perWorker(computation: ClaimComputation | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of computation?.lines ?? [])
    if (line.workerId) out.set(line.workerId, (out.get(line.workerId) ?? 0) + line.amountFen);
  return out;
}

function groupByWorker<T extends { readonly workerId: string }>(items: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(item.workerId);
    if (list) list.push(item);
    else out.set(item.workerId, [item]);
  }
  return out;
}

/**
 * The rows of two parts of the same what-if merged (a long simulation runs class batch by class batch:
 * each class is computed on its own, so the parts add up — classes, amounts — and the trainees unite).
 */
export function mergeSimulationRows(
  a: readonly SimulationRow[],
  b: readonly SimulationRow[],
): SimulationRow[] {
  const merged = new Map<string, SimulationRow>();
  for (const row of [...a, ...b]) {
    const key = `${row.kind}|${row.county}`;
    const seen = merged.get(key);
    merged.set(
      key,
      seen
        ? {
            kind: row.kind,
            county: row.county,
            classes: seen.classes + row.classes,
            paidFen: seen.paidFen + row.paidFen,
            draftFen: seen.draftFen + row.draftFen,
            differenceFen: seen.differenceFen + row.differenceFen,
            traineesAffected: [...new Set([...seen.traineesAffected, ...row.traineesAffected])].sort(),
          }
        : row,
    );
  }
  return [...merged.values()].sort((x, y) =>
    x.kind === y.kind ? (x.county < y.county ? -1 : 1) : x.kind < y.kind ? -1 : 1,
  );
}
