// The what-if: Yuncheng's classes re-computed under a draft that raises the first tier to 160 ¥.
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from '../../policy/seeds/policy-seeds';
import { seedVersionId } from '../../policy/seeds/seed-ids';
import type { CompletedClassFacts } from '@jineng/subsidy-computation';
import { mergeSimulationRows, simulatePolicy, type SimulatedClass } from './simulate-policy';

const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
  ...seed,
  versionId: seedVersionId(seed.key),
  publishedAt: '2026-01-01T00:00:00.000Z',
}));
const yuncheng = published.find((v) => v.versionId === seedVersionId('yuncheng-2018'))!;
const draft: PublishedVersion = {
  ...yuncheng,
  versionId: 'draft',
  effectiveFrom: '2018-03-29',
  publishedAt: '2099-01-01T00:00:00.000Z',
  parameters: {
    ...yuncheng.parameters,
    subsidies: {
      ...yuncheng.parameters.subsidies,
      perDayTraining: {
        tiers: [
          { fromDay: 1, toDay: 10, amountFen: 16_000 },
          { fromDay: 11, toDay: 15, amountFen: 10_000 },
        ],
        maxDays: 15,
      },
    },
  },
};

const cls = (classId: string, county: string, workers: string[], days: number): CompletedClassFacts => ({
  classId,
  institutionId: 'i',
  jurisdictionCode: county,
  occupationCode: '4-03-02-01',
  level: 5,
  trainingType: 'employment_skills',
  fundSource: 'employment_subsidy_fund',
  startDate: '2019-06-03',
  endDate: '2019-06-20',
  daysDelivered: days,
  openingDayHeadcount: workers.length,
  averageRuleApplies: false,
  trainees: workers.map((workerId) => ({
    workerId,
    daysAttended: days,
    sessionsAttended: 1,
    sessionsTotal: 1,
  })),
});

it('answers per kind and county: paid, the draft’s amount, the difference and the trainees affected', () => {
  const a = cls('a', '140802', ['w1', 'w2'], 12);
  const b = cls('b', '140821', ['w3'], 12);
  const certificates = [a, b].flatMap((c) =>
    c.trainees.map((t) => ({
      certificateId: `cert-${t.workerId}`,
      workerId: t.workerId,
      classId: c.classId,
      occupationCode: c.occupationCode,
      level: 5,
      kind: 'skill_level',
      issuedOn: c.endDate,
      revoked: false,
    })),
  );
  const rows = simulatePolicy(
    [
      { facts: a, claims: [{ kind: 'training_per_day', tranche: 'certificate', paidFen: 272_000 }] },
      { facts: b, claims: [{ kind: 'training_per_day', tranche: 'certificate', paidFen: 136_000 }] },
    ],
    { workers: new Map(), certificates, employments: [] },
    {
      current: (c) => resolvePolicy(c.jurisdictionCode, c.startDate, published),
      draft: (c) => resolvePolicy(c.jurisdictionCode, c.startDate, [...published, draft]),
    },
  );
  // 10 × 160 + 2 × 100 = 1 800 ¥, 80 % = 1 440 ¥ a trainee
  expect(rows).toEqual([
    {
      kind: 'training_per_day',
      county: '140802',
      classes: 1,
      paidFen: 272_000,
      draftFen: 288_000,
      differenceFen: 16_000,
      traineesAffected: ['w1', 'w2'],
    },
    {
      kind: 'training_per_day',
      county: '140821',
      classes: 1,
      paidFen: 136_000,
      draftFen: 144_000,
      differenceFen: 8_000,
      traineesAffected: ['w3'],
    },
  ]);
});

it('run batch by batch (the job), the merged parts equal the whole: classes and amounts add up, trainees unite', () => {
  const classes = [
    cls('a', '140802', ['w1', 'w2'], 12),
    cls('b', '140802', ['w2', 'w3'], 16),
    cls('c', '140821', ['w4'], 12),
  ];
  const certificates = classes.flatMap((c) =>
    c.trainees.map((t) => ({
      certificateId: `cert-${c.classId}-${t.workerId}`,
      workerId: t.workerId,
      classId: c.classId,
      occupationCode: c.occupationCode,
      level: 5,
      kind: 'skill_level',
      issuedOn: c.endDate,
      revoked: false,
    })),
  );
  const simulated: SimulatedClass[] = classes.map((facts, i) => ({
    facts,
    claims: [{ kind: 'training_per_day', tranche: 'certificate', paidFen: 100_000 * (i + 1) }],
  }));
  const run = (part: SimulatedClass[]) =>
    simulatePolicy(
      part,
      { workers: new Map(), certificates, employments: [] },
      {
        current: (c) => resolvePolicy(c.jurisdictionCode, c.startDate, published),
        draft: (c) => resolvePolicy(c.jurisdictionCode, c.startDate, [...published, draft]),
      },
    );
  const whole = run(simulated);
  const merged = mergeSimulationRows(
    mergeSimulationRows([], run(simulated.slice(0, 1))),
    run(simulated.slice(1)),
  );
  expect(merged).toEqual(whole);
  expect(merged[0]).toMatchObject({
    county: '140802',
    classes: 2,
    paidFen: 300_000,
    traineesAffected: ['w1', 'w2', 'w3'],
  });
  // 16 days cap at 15: 10 × 160 + 5 × 100 = 2 100 ¥, 80 % = 1 680 ¥; 12 days: 1 440 ¥
  expect(merged[0].draftFen).toBe(2 * 144_000 + 2 * 168_000);
});
