/**
 * Subsidy claims (issue 13): how fast the calculators produce breakdown lines, and how fast the policy
 * what-if re-computes completed classes. Run: `npm run bench:claims` (BENCH_CLAIMS_CLASSES, default
 * 1 000 classes of BENCH_CLAIMS_CLASS_SIZE = 50 trainees; BENCH_CLAIMS_SIMULATION_CLASSES, default
 * 10 000). CPU only: the pure `computeClaim` and `simulatePolicy` over the five seed policies — no
 * PostgreSQL, no NATS (the service's handler reads the classes from its read model first; that read is
 * not measured here). Progress goes to stderr; the last line on stdout is one JSON object.
 *
 * `traineeLinesPerSec`: Yuncheng certificate-tranche claims of a 12-day class (two tier lines per
 * trainee), policy resolved once per class as the handler does. `simulationClassesPerSec`: each class
 * computed under the policy in force and under a draft (both resolved per class), per kind and county.
 */
import type { CompletedClassFacts, CertificateFact } from '@jineng/subsidy-computation';
import { computeClaim } from '@jineng/subsidy-computation';
import { simulatePolicy, type SimulatedClass } from '../src/claims/domain/simulate-policy';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from '../src/policy/seeds/policy-seeds';
import { seedVersionId } from '../src/policy/seeds/seed-ids';

const classes = Number(process.env.BENCH_CLAIMS_CLASSES ?? 1_000);
const classSize = Number(process.env.BENCH_CLAIMS_CLASS_SIZE ?? 50);
const simulationClasses = Number(process.env.BENCH_CLAIMS_SIMULATION_CLASSES ?? 10_000);
const log = (message: string) => process.stderr.write(`${message}\n`);

const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
  ...seed,
  versionId: seedVersionId(seed.key),
  publishedAt: '2026-01-01T00:00:00.000Z',
}));
const yuncheng = published.find((v) => v.versionId === seedVersionId('yuncheng-2018'))!;
const draft: PublishedVersion = {
  ...yuncheng,
  versionId: 'draft',
  publishedAt: '9999-12-31T23:59:59.999Z',
  parameters: {
    ...yuncheng.parameters,
    subsidies: {
      ...yuncheng.parameters.subsidies,
      perDayTraining: {
        tiers: [
          { fromDay: 1, toDay: 10, amountFen: 16_000 },
          { fromDay: 11, toDay: 15, amountFen: 11_000 },
        ],
        maxDays: 15,
      },
    },
  },
};
const COUNTIES = ['140802', '140821', '140822', '140823', '140824'];

function classOf(n: number, size: number): { facts: CompletedClassFacts; certificates: CertificateFact[] } {
  const classId = `class-${n}`;
  const facts: CompletedClassFacts = {
    classId,
    institutionId: 'institution',
    jurisdictionCode: COUNTIES[n % COUNTIES.length],
    occupationCode: '4-03-02-01',
    level: 5,
    trainingType: 'employment_skills',
    fundSource: 'employment_subsidy_fund',
    startDate: '2019-06-03',
    endDate: '2019-06-14',
    daysDelivered: 12,
    openingDayHeadcount: size,
    averageRuleApplies: false,
    trainees: Array.from({ length: size }, (_, i) => ({
      workerId: `${classId}-w${i}`,
      daysAttended: 12,
      sessionsAttended: 24,
      sessionsTotal: 24,
    })),
  };
  const certificates = facts.trainees.map((t) => ({
    certificateId: `${t.workerId}-cert`,
    workerId: t.workerId,
    classId,
    occupationCode: facts.occupationCode,
    level: 5,
    kind: 'skill_level',
    issuedOn: facts.endDate,
    revoked: false,
  }));
  return { facts, certificates };
}

// 1. breakdown lines
const prepared = Array.from({ length: classes }, (_, n) => classOf(n, classSize));
let lines = 0;
let total = 0;
const started = process.hrtime.bigint();
for (const { facts, certificates } of prepared) {
  const result = computeClaim({
    kind: 'training_per_day',
    tranche: 'certificate',
    policy: resolvePolicy(facts.jurisdictionCode, facts.startDate, published),
    class: facts,
    workers: new Map(),
    certificates,
    employments: [],
  });
  lines += result.lines.length;
  total += result.totalFen;
}
const computeSeconds = Number(process.hrtime.bigint() - started) / 1e9;
log(
  `computed ${classes} classes of ${classSize}: ${lines} lines, ${total} fen in ${computeSeconds.toFixed(3)} s`,
);

// 2. the what-if
const simulated = Array.from({ length: simulationClasses }, (_, n) => classOf(n, classSize));
const certificates = simulated.flatMap((c) => c.certificates);
const input: SimulatedClass[] = simulated.map(({ facts }) => ({
  facts,
  claims: [{ kind: 'training_per_day', tranche: 'certificate', paidFen: 136_000 * classSize }],
}));
const simulationStarted = process.hrtime.bigint();
const rows = simulatePolicy(
  input,
  { workers: new Map(), certificates, employments: [] },
  {
    current: (cls) => resolvePolicy(cls.jurisdictionCode, cls.startDate, published),
    draft: (cls) => resolvePolicy(cls.jurisdictionCode, cls.startDate, [...published, draft]),
  },
);
const simulationSeconds = Number(process.hrtime.bigint() - simulationStarted) / 1e9;
log(`simulated ${simulationClasses} classes into ${rows.length} rows in ${simulationSeconds.toFixed(3)} s`);

console.log(
  JSON.stringify({
    classes,
    classSize,
    lines,
    traineeLinesPerSec: Math.round(lines / computeSeconds),
    simulationClasses,
    simulationClassesPerSec: Math.round(simulationClasses / simulationSeconds),
  }),
);
