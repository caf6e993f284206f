// The calculators against the seed numbers (issue 13): given the policy of a seed city and a
// completed class, when a claim of a kind is computed, then its total and breakdown are the
// document's numbers, in fen, and the lines add up to the total exactly.
import { DomainError } from '@jineng/ddd';
import { resolvePolicy, type PublishedVersion } from '@jineng/subsidy-computation';
import { POLICY_SEEDS } from '../../policy/seeds/policy-seeds';
import { seedVersionId } from '../../policy/seeds/seed-ids';
import type {
  CertificateFact,
  CompletedClassFacts,
  EmploymentFact,
  WorkerFacts,
} from '@jineng/subsidy-computation';
import { policyCategoriesOf } from '@jineng/subsidy-computation';
import {
  addMonths,
  assertNotClaimedBefore,
  computeClaim,
  type ClaimComputation,
  type ClaimComputationInput,
  type SubsidyHistoryEntry,
} from '@jineng/subsidy-computation';

const published: PublishedVersion[] = POLICY_SEEDS.map((seed) => ({
  ...seed,
  versionId: seedVersionId(seed.key),
  publishedAt: '2026-01-01T00:00:00.000Z',
}));
const policyOf = (jurisdiction: string, date: string) => resolvePolicy(jurisdiction, date, published);

const w = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function completedClass(
  overrides: Omit<Partial<CompletedClassFacts>, 'trainees'> & { trainees: number; days: number },
): CompletedClassFacts {
  const { trainees, days, ...rest } = overrides;
  return {
    classId: 'c0000000-0000-4000-8000-000000000001',
    institutionId: 'i0000000-0000-4000-8000-000000000001',
    jurisdictionCode: '140802',
    occupationCode: '4-03-02-01',
    level: 5,
    trainingType: 'employment_skills',
    fundSource: 'employment_subsidy_fund',
    startDate: '2019-06-03',
    endDate: '2019-06-20',
    daysDelivered: days,
    openingDayHeadcount: trainees,
    averageRuleApplies: false,
    trainees: Array.from({ length: trainees }, (_, i) => ({
      workerId: w(i + 1),
      daysAttended: days,
      sessionsAttended: days * 2,
      sessionsTotal: days * 2,
    })),
    ...rest,
  };
}

const certified = (cls: CompletedClassFacts, except: readonly string[] = []): CertificateFact[] =>
  cls.trainees
    .filter((t) => !except.includes(t.workerId))
    .map((t, i) => ({
      certificateId: `cert-${i + 1}`,
      workerId: t.workerId,
      classId: cls.classId,
      occupationCode: cls.occupationCode,
      level: cls.level,
      kind: 'skill_level',
      issuedOn: cls.endDate,
      revoked: false,
    }));

const workers = (
  cls: CompletedClassFacts,
  category = 'rural_labour',
  keyGroups: string[] = [],
): Map<string, WorkerFacts> =>
  new Map(
    cls.trainees.map((t) => [
      t.workerId,
      { workerId: t.workerId, categories: policyCategoriesOf(category, keyGroups) },
    ]),
  );

function input(
  cls: CompletedClassFacts,
  overrides: Partial<ClaimComputationInput> & Pick<ClaimComputationInput, 'kind' | 'tranche'>,
): ClaimComputationInput {
  return {
    policy: policyOf(cls.jurisdictionCode, cls.startDate),
    class: cls,
    workers: workers(cls),
    certificates: certified(cls),
    employments: [],
    ...overrides,
  };
}

function expectExact(result: ClaimComputation): void {
  expect(result.lines.reduce((sum, l) => sum + l.amountFen, 0)).toBe(result.totalFen);
  for (const line of result.lines) {
    expect(Number.isInteger(line.amountFen)).toBe(true);
    expect(line.policyVersionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.clause.length).toBeGreaterThan(0);
  }
}

const perTrainee = (result: ClaimComputation, workerId: string) =>
  result.lines.filter((l) => l.workerId === workerId).reduce((sum, l) => sum + l.amountFen, 0);

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error('expected the computation to be refused');
}

describe('Yuncheng: per-day tiers with a day cap, in two tranches (运城 2018)', () => {
  const yuncheng = seedVersionId('yuncheng-2018');

  it('a 12-day course: 10 × 150 + 2 × 100 = 1 700 ¥ a certified trainee, 80 % = 1 360 ¥ on the certificate', () => {
    const cls = completedClass({ trainees: 3, days: 12 });
    const result = computeClaim(input(cls, { kind: 'training_per_day', tranche: 'certificate' }));
    expect(result.totalFen).toBe(3 * 136_000);
    expect(perTrainee(result, w(1))).toBe(136_000);
    const lines = result.lines.filter((l) => l.workerId === w(1));
    expect(lines.map((l) => [l.days, l.ratePerDayFen, l.baseFen, l.share, l.amountFen])).toEqual([
      [10, 15_000, 150_000, '0.8', 120_000],
      [2, 10_000, 20_000, '0.8', 16_000],
    ]);
    expect(lines[0]).toMatchObject({
      rule: 'subsidies.perDayTraining',
      evidence: { classId: cls.classId, certificateId: 'cert-1' },
      policyVersionId: yuncheng,
    });
    expect(lines[0].clause).toContain('10天以内每人每天补贴150元,10天以后每人每天补贴100元');
    expect(lines[0].clause.some((q) => q.includes('先给予培训机构80%的培训补贴'))).toBe(true);
    expect(result.policyVersionIds).toEqual([yuncheng]);
    expectExact(result);
  });

  it('the employment tranche: 340 ¥ for a trainee employed within 3 months of the class end, nothing for the others', () => {
    const cls = completedClass({ trainees: 3, days: 12 });
    const employments: EmploymentFact[] = [
      {
        employmentId: 'job-1',
        workerId: w(1),
        startDate: '2019-09-20',
        evidenceKind: 'labour_contract',
        evidenceReference: 'HT-1',
      },
      // a day after the window (2019-06-20 + 3 months = 2019-09-20)
      {
        employmentId: 'job-2',
        workerId: w(2),
        startDate: '2019-09-21',
        evidenceKind: 'social_insurance',
        evidenceReference: 'SB-2',
      },
    ];
    const result = computeClaim(input(cls, { kind: 'training_per_day', tranche: 'employment', employments }));
    expect(result.totalFen).toBe(34_000);
    expect(result.workerIds).toEqual([w(1)]);
    expect(result.lines.map((l) => [l.share, l.amountFen])).toEqual([
      ['0.2', 30_000],
      ['0.2', 4_000],
    ]);
    expect(result.lines[0].evidence).toEqual({
      classId: cls.classId,
      certificateId: 'cert-1',
      employmentId: 'job-1',
    });
    expect(result.excluded.map((e) => [e.workerId, e.code])).toEqual([
      [w(2), 'CLAIM.NOT_EMPLOYED_IN_WINDOW'],
      [w(3), 'CLAIM.NOT_EMPLOYED_IN_WINDOW'],
    ]);
    expect(result.excluded[0].reason.en).toContain('until 2019-09-20');
    expectExact(result);
  });

  it('the two tranches of one trainee add up to the whole, also where 80 % falls between two fen', () => {
    // 7 days of a made-up odd rate would not occur in Yuncheng; odd days of its tiers do: 13 days = 1 800 ¥
    const cls = completedClass({ trainees: 1, days: 13 });
    const employments: EmploymentFact[] = [
      {
        employmentId: 'job-1',
        workerId: w(1),
        startDate: '2019-07-01',
        evidenceKind: 'labour_contract',
        evidenceReference: 'HT',
      },
    ];
    const certificate = computeClaim(input(cls, { kind: 'training_per_day', tranche: 'certificate' }));
    const employment = computeClaim(
      input(cls, { kind: 'training_per_day', tranche: 'employment', employments }),
    );
    expect(certificate.totalFen + employment.totalFen).toBe(180_000);
    expect(certificate.totalFen).toBe(144_000);
  });

  it('a 16-day course is paid for 15 days (10 × 150 + 5 × 100 = 2 000 ¥, 80 % = 1 600 ¥), the cap noted', () => {
    const cls = completedClass({ trainees: 2, days: 16 });
    const result = computeClaim(input(cls, { kind: 'training_per_day', tranche: 'certificate' }));
    expect(perTrainee(result, w(1))).toBe(160_000);
    expect(result.lines.filter((l) => l.workerId === w(1)).map((l) => l.days)).toEqual([10, 5]);
    expect(result.notes[0].en).toBe(`trainee ${w(1)} attended 16 days; the policy pays at most 15`);
    expectExact(result);
  });

  it('only certified trainees count: no certificate, or a revoked one, is excluded with its reason', () => {
    const cls = completedClass({ trainees: 3, days: 10 });
    const certificates = certified(cls, [w(3)]).map((c) =>
      c.workerId === w(2) ? { ...c, revoked: true } : c,
    );
    const result = computeClaim(
      input(cls, { kind: 'training_per_day', tranche: 'certificate', certificates }),
    );
    expect(result.workerIds).toEqual([w(1)]);
    expect(result.totalFen).toBe(120_000);
    expect(result.excluded.map((e) => [e.workerId, e.code])).toEqual([
      [w(2), 'CLAIM.CERTIFICATE_REVOKED'],
      [w(3), 'CLAIM.NOT_CERTIFIED'],
    ]);
  });

  it('the policy splits the subsidy in tranches: a claim for the whole is refused naming the parameter', () => {
    const cls = completedClass({ trainees: 1, days: 10 });
    const error = refusal(() => computeClaim(input(cls, { kind: 'training_per_day', tranche: 'whole' })));
    expect(error.code).toBe('CLAIM.TRANCHE_NOT_IN_POLICY');
    expect(error.details).toMatchObject({
      parameter: 'subsidies.tranches',
      allowed: ['certificate', 'employment'],
    });
  });

  it('the job-referral award is the province’s amount, which no seed gives: refused naming the parameter', () => {
    const cls = completedClass({ trainees: 1, days: 10 });
    const error = refusal(() => computeClaim(input(cls, { kind: 'job_referral_award', tranche: 'whole' })));
    expect(error.code).toBe('POLICY.PARAMETER_NOT_SET');
    expect(error.details).toMatchObject({ parameter: 'subsidies.jobReferralAwardFen' });
    expect(error.messageZh).toContain('并按我省职业介绍补贴标准给予奖励');
  });

  it('the skill evaluation subsidy, named without its amount: refused naming the parameter', () => {
    const cls = completedClass({ trainees: 1, days: 10 });
    const error = refusal(() => computeClaim(input(cls, { kind: 'skill_evaluation', tranche: 'whole' })));
    expect(error.code).toBe('POLICY.PARAMETER_NOT_SET');
    expect(error.details).toMatchObject({ parameter: 'subsidies.skillEvaluation' });
  });

  it('small/micro new hires: 300 ¥ for a hire of the year with a contract of 6 months, 300 ¥ more with a certificate within a year', () => {
    const cls = completedClass({ trainees: 3, days: 10 });
    const result = computeClaim({
      ...input(cls, { kind: 'small_micro_new_hire', tranche: 'whole' }),
      year: 2019,
      hires: [
        { workerId: w(1), hiredOn: '2019-03-01', contractMonths: 12, reference: 'HT-1' },
        { workerId: w(2), hiredOn: '2019-03-01', contractMonths: 5, reference: 'HT-2' },
        { workerId: w(3), hiredOn: '2018-12-01', contractMonths: 12, reference: 'HT-3' },
      ],
    });
    expect(result.lines.map((l) => [l.workerId, l.amountFen])).toEqual([
      [w(1), 30_000],
      [w(1), 30_000],
    ]);
    expect(result.lines[1].evidence.certificateId).toBe('cert-1');
    expect(result.excluded.map((e) => [e.workerId, e.code])).toEqual([
      [w(2), 'CLAIM.CONTRACT_TOO_SHORT'],
      [w(3), 'CLAIM.NOT_HIRED_THAT_YEAR'],
    ]);
    expectExact(result);
  });
});

describe('Qujing: flat amounts, living allowance, 以工代训, limits (曲靖 2019)', () => {
  const qujingClass = (
    trainees: number,
    days: number,
    over: Omit<Partial<CompletedClassFacts>, 'trainees'> = {},
  ) =>
    completedClass({
      trainees,
      days,
      jurisdictionCode: '530302',
      startDate: '2020-04-01',
      endDate: '2020-04-15',
      ...over,
    });

  it('has no per-day training subsidy: refused naming subsidies.perDayTraining, never defaulted', () => {
    const error = refusal(() =>
      computeClaim(input(qujingClass(2, 10), { kind: 'training_per_day', tranche: 'whole' })),
    );
    expect(error.code).toBe('POLICY.PARAMETER_NOT_SET');
    expect(error.details).toMatchObject({ parameter: 'subsidies.perDayTraining', jurisdiction: '530302' });
  });

  it('pre-job training: 800 ¥ a certified trainee; a training type the policy does not name is refused', () => {
    const cls = qujingClass(4, 5, { trainingType: 'pre_job' });
    const result = computeClaim(input(cls, { kind: 'flat_per_person', tranche: 'whole' }));
    expect(result.totalFen).toBe(4 * 80_000);
    expect(result.lines[0].clause[0]).toContain('给予每人800元的职业培训补贴');
    const other = refusal(() =>
      computeClaim(
        input(qujingClass(1, 5, { trainingType: 'entrepreneurship' }), {
          kind: 'flat_per_person',
          tranche: 'whole',
        }),
      ),
    );
    expect(other.code).toBe('CLAIM.KIND_NOT_COVERED');
    expect(other.details).toMatchObject({
      parameter: 'subsidies.flatPerPerson',
      trainingType: 'entrepreneurship',
    });
  });

  it('living allowance: 60 ¥ a day attended for poor labour (fronted by the institution); an urban worker is not eligible', () => {
    const ten = qujingClass(2, 10);
    const cls = { ...ten, trainees: [ten.trainees[0], { ...ten.trainees[1], daysAttended: 9 }] };
    const categories = new Map<string, WorkerFacts>([
      [w(1), { workerId: w(1), categories: policyCategoriesOf('poor_labour', []) }],
      [w(2), { workerId: w(2), categories: policyCategoriesOf('urban_labour', []) }],
    ]);
    const result = computeClaim({
      ...input(cls, { kind: 'living_allowance', tranche: 'whole' }),
      workers: categories,
    });
    expect(result.lines.map((l) => [l.workerId, l.days, l.ratePerDayFen, l.amountFen])).toEqual([
      [w(1), 10, 6_000, 60_000],
    ]);
    expect(result.lines[0].note?.en).toBe('fronted by the institution');
    expect(result.excluded.map((e) => [e.workerId, e.code])).toEqual([[w(2), 'CLAIM.NOT_ELIGIBLE']]);
    expect(result.excluded[0].reason.en).toContain('urban_labour');
  });

  it('以工代训: 20 % of the wages paid, at most 6 months — the 7th and 8th months are not paid, and it says so', () => {
    const cls = qujingClass(1, 10);
    const wages = Array.from({ length: 8 }, (_, i) => ({
      workerId: w(1),
      month: `2020-${String(i + 1).padStart(2, '0')}`,
      wagesFen: 300_033,
      reference: `GZ-${i + 1}`,
    }));
    const result = computeClaim({
      ...input(cls, { kind: 'work_based_training', tranche: 'whole', wages }),
      workers: new Map([[w(1), { workerId: w(1), categories: policyCategoriesOf('poor_labour', []) }]]),
    });
    expect(result.lines).toHaveLength(6);
    // 3 000.33 ¥ × 20 % = 600.066 → 600.07 ¥ a month (half up on the fen)
    expect(result.lines.every((l) => l.amountFen === 60_007 && l.share === '0.2')).toBe(true);
    expect(result.totalFen).toBe(6 * 60_007);
    expect(result.notes[0].en).toContain('at most 6 months; 2 months are not');
    const notEligible = refusal(() =>
      computeClaim({ ...input(cls, { kind: 'work_based_training', tranche: 'whole', wages }) }),
    );
    expect(notEligible.code).toBe('CLAIM.NOTHING_TO_CLAIM');
  });

  it('apprenticeship at the document’s floor (「4000元以上」), per apprentice and year', () => {
    const cls = qujingClass(1, 10);
    const result = computeClaim({
      ...input(cls, { kind: 'apprenticeship', tranche: 'whole' }),
      apprentices: [{ workerId: w(1), years: 2, reference: 'XT-1' }],
    });
    expect(result.totalFen).toBe(800_000);
    expect(result.lines[0].note?.en).toContain('floor');
  });

  describe('limits: 「原则上每人每年可享受不超过3次」 and 「同一职业同一等级不可重复享受」', () => {
    const cls = qujingClass(2, 5, { trainingType: 'pre_job' });
    const prior = (n: number, over: Partial<SubsidyHistoryEntry> = {}): SubsidyHistoryEntry => ({
      workerId: w(1),
      classId: `prior-${n}`,
      claimId: `claim-${n}`,
      occupationCode: `6-0${n}-00-00`,
      level: 4,
      year: 2020,
      ...over,
    });

    it('a 4th subsidy in a year is refused with the rule named', () => {
      const error = refusal(() =>
        computeClaim(
          input(cls, { kind: 'flat_per_person', tranche: 'whole', history: [prior(1), prior(2), prior(3)] }),
        ),
      );
      expect(error.code).toBe('CLAIM.YEARLY_SUBSIDY_LIMIT');
      expect(error.details).toMatchObject({
        workerId: w(1),
        received: 3,
        maxPerWorker: 3,
        inPrinciple: true,
        rule: 'claims.yearlySubsidyLimit',
      });
      expect(error.messageZh).toContain('原则上每人每年可享受不超过3次');
    });

    it('… and accepted with an officer’s recorded reason, since the limit holds "in principle"', () => {
      const override = { workerId: w(1), reason: '转岗急需，经局务会研究同意', officerId: 'officer-1' };
      const result = computeClaim(
        input(cls, {
          kind: 'flat_per_person',
          tranche: 'whole',
          history: [prior(1), prior(2), prior(3)],
          overrides: [override],
        }),
      );
      expect(result.totalFen).toBe(2 * 80_000);
      expect(result.overrides).toEqual([override]);
    });

    it('subsidies of another year, and tranches of the same class, do not count', () => {
      const history = [prior(1), prior(2, { year: 2019 }), prior(3), { ...prior(3), claimId: 'claim-3b' }];
      expect(computeClaim(input(cls, { kind: 'flat_per_person', tranche: 'whole', history })).totalFen).toBe(
        160_000,
      );
    });

    it('the same occupation and level again is excluded from the claim, the other trainees paid', () => {
      const history = [prior(1, { occupationCode: cls.occupationCode, level: cls.level })];
      const result = computeClaim(input(cls, { kind: 'flat_per_person', tranche: 'whole', history }));
      expect(result.workerIds).toEqual([w(2)]);
      expect(result.excluded).toEqual([
        expect.objectContaining({
          workerId: w(1),
          code: 'CLAIM.SAME_OCCUPATION_LEVEL',
          rule: 'claims.sameOccupationLevelAgainAllowed',
        }),
      ]);
    });
  });
});

describe('Jiyuan: free training, and a class with low inspected attendance computed on the average (济源 2021)', () => {
  const jiyuanClass = (over: Omit<Partial<CompletedClassFacts>, 'trainees'> = {}) =>
    completedClass({
      trainees: 10,
      days: 10,
      jurisdictionCode: '419001',
      startDate: '2021-06-01',
      endDate: '2021-06-12',
      ...over,
    });
  const tender = { reference: 'JY-ZB-2021-07', pricePerTraineeFen: 123_456 };
  const poor = (cls: CompletedClassFacts) => workers(cls, 'poor_labour');

  it('pays the tendered price per certified trainee of the groups the policy names (已脱贫劳动力)', () => {
    const cls = jiyuanClass();
    const result = computeClaim({
      ...input(cls, { kind: 'free_training', tranche: 'whole', tender }),
      workers: poor(cls),
    });
    expect(result.totalFen).toBe(10 * 123_456);
    expect(result.headcountBasis).toBeUndefined();
    expect(result.lines[0].evidence.reference).toBe(tender.reference);
  });

  it('inspections averaged 7.6 of 10 present (below 90 %): computed on 7 persons, split back over the 10 lines exactly', () => {
    const cls = jiyuanClass({ averageInspectedHeadcount: 7.6, averageRuleApplies: true });
    const result = computeClaim({
      ...input(cls, { kind: 'free_training', tranche: 'whole', tender }),
      workers: poor(cls),
    });
    expect(result.totalFen).toBe(7 * 123_456);
    expect(result.headcountBasis).toEqual({
      eligible: 10,
      basis: 7,
      openingDayHeadcount: 10,
      averageInspectedHeadcount: 7.6,
    });
    expect(result.lines).toHaveLength(10);
    expect(result.lines.every((l) => l.headcountShare === '7/10')).toBe(true);
    // 864 192 fen over 10 lines: 86 419 or 86 420 each
    expect(new Set(result.lines.map((l) => l.amountFen))).toEqual(new Set([86_419, 86_420]));
    expectExact(result);
  });

  it('an average at or above the certified trainees changes nothing', () => {
    const cls = jiyuanClass({ averageInspectedHeadcount: 8.2, averageRuleApplies: true });
    const certificates = certified(cls, [w(9), w(10), w(8)]);
    const result = computeClaim({
      ...input(cls, { kind: 'free_training', tranche: 'whole', tender, certificates }),
      workers: poor(cls),
    });
    expect(result.totalFen).toBe(7 * 123_456);
    expect(result.headcountBasis).toBeUndefined();
  });

  it('a worker outside the named groups is excluded; free training without its tender is refused', () => {
    const cls = jiyuanClass();
    const mixed = poor(cls);
    mixed.set(w(4), { workerId: w(4), categories: policyCategoriesOf('urban_labour', []) });
    const result = computeClaim({
      ...input(cls, { kind: 'free_training', tranche: 'whole', tender }),
      workers: mixed,
    });
    expect(result.totalFen).toBe(9 * 123_456);
    expect(result.excluded).toEqual([
      expect.objectContaining({ workerId: w(4), code: 'CLAIM.NOT_ELIGIBLE', rule: 'subsidies.freeTraining' }),
    ]);
    const error = refusal(() =>
      computeClaim({ ...input(cls, { kind: 'free_training', tranche: 'whole' }), workers: mixed }),
    );
    expect(error.code).toBe('CLAIM.INPUT_MISSING');
    expect(error.details).toEqual({ kind: 'free_training', field: 'tender' });
  });
});

describe('addMonths', () => {
  it.each([
    ['2019-06-20', 3, '2019-09-20'],
    ['2021-11-30', 3, '2022-02-28'],
    ['2020-11-30', 3, '2021-02-28'],
    ['2019-12-31', 2, '2020-02-29'],
  ])('%s + %d months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('the same class, kind and tranche are never claimed twice', () => {
  const claimed = [
    { claimId: 'a', classId: 'class-1', kind: 'training_per_day', tranche: 'certificate' },
  ] as const;

  it('refuses the same again, naming the first claim', () => {
    const error = refusal(() =>
      assertNotClaimedBefore(claimed, {
        claimId: 'b',
        classId: 'class-1',
        kind: 'training_per_day',
        tranche: 'certificate',
      }),
    );
    expect(error.code).toBe('CLAIM.ALREADY_CLAIMED');
    expect(error.details).toMatchObject({ claimId: 'a' });
  });

  it('lets the other tranche, another kind, another class and the same claim again pass', () => {
    for (const claim of [
      { claimId: 'b', classId: 'class-1', kind: 'training_per_day', tranche: 'employment' },
      { claimId: 'b', classId: 'class-1', kind: 'living_allowance', tranche: 'whole' },
      { claimId: 'b', classId: 'class-2', kind: 'training_per_day', tranche: 'certificate' },
      { claimId: 'a', classId: 'class-1', kind: 'training_per_day', tranche: 'certificate' },
    ] as const)
      expect(() => assertNotClaimedBefore(claimed, claim)).not.toThrow();
  });
});
