// The seeds' targets add up as their documents print them.
import { checkTargets, linesHolding, linesOf, traineesOf } from '../domain/check-targets';
import type { TargetPlan } from '@jineng/subsidy-computation';
import { GUIGANG_2019 } from './guigang-2019';
import { JINCHENG_2020 } from './jincheng-2020';
import { JIYUAN_2021 } from './jiyuan-2021';
import { QUJING_2019 } from './qujing-2019';
import { YUNCHENG_2018 } from './yuncheng-2018';

const sum = (plan: TargetPlan, selector: Parameters<typeof linesOf>[1]) =>
  traineesOf(linesOf(plan, selector));
const portion = (plan: TargetPlan, label: string) => plan.portions?.filter((p) => p.label === label) ?? [];

describe('Guigang 2019: the table per county', () => {
  const plan = GUIGANG_2019.targets[0]!;
  const byYear = (year: number) => sum(plan, { year });

  it('plans 120 000 trainings over 2019–2021: 30 000, 45 000, 45 000', () => {
    expect(traineesOf(plan.lines)).toBe(120_000);
    expect(plan.totalTrainees).toBe(120_000);
    expect([2019, 2020, 2021].map(byYear)).toEqual([30_000, 45_000, 45_000]);
  });

  it('keeps the city’s own level (市本级) apart from the whole city', () => {
    // the whole city: every line within 450800, the counties' included
    expect(sum(plan, { jurisdiction: '450800' })).toBe(120_000);
    // its own level only
    expect(sum(plan, { jurisdiction: '450800', ownLevel: true })).toBe(12_000);
    expect(plan.lines.filter((l) => l.jurisdiction === '450800').every((l) => l.ownLevel === true)).toBe(
      true,
    );
  });

  it('splits them per county as the table prints, each row adding up over the three years', () => {
    const rows: [string, boolean][] = [
      ['450800', true],
      ['450881', false],
      ['450821', false],
      ['450802', false],
      ['450803', false],
      ['450804', false],
    ];
    expect(
      rows.map(([jurisdiction, ownLevel]) => [
        jurisdiction,
        sum(plan, { jurisdiction, ownLevel }),
        [2019, 2020, 2021].map((year) => sum(plan, { jurisdiction, ownLevel, year })),
      ]),
    ).toEqual([
      ['450800', 12_000, [3_000, 4_500, 4_500]],
      ['450881', 31_200, [7_800, 11_700, 11_700]],
      ['450821', 24_000, [6_000, 9_000, 9_000]],
      ['450802', 19_200, [4_800, 7_200, 7_200]],
      ['450803', 16_800, [4_200, 6_300, 6_300]],
      ['450804', 16_800, [4_200, 6_300, 6_300]],
    ]);
  });

  it('keeps enterprise staff at ≥ 50 % of each locality’s trainees', () => {
    expect(plan.constraints).toEqual([
      expect.objectContaining({ programme: '企业职工职业技能培训', minShare: 0.5 }),
    ]);
  });
});

describe('Guigang 2019: the targets by kind', () => {
  const plan = GUIGANG_2019.targets[1]!;

  it('adds up: 60 000 enterprise staff and job transfer + 50 000 key groups + 10 000 poor labour = 120 000', () => {
    expect(plan.lines.map((l) => l.trainees)).toEqual([60_000, 50_000, 10_000]);
    expect(traineesOf(plan.lines)).toBe(plan.totalTrainees);
    expect(plan.totalTrainees).toBe(120_000);
  });

  it('as the plan prints: enterprise staff 60 000, other groups 60 000', () => {
    expect(sum(plan, { programme: '企业职工培训' })).toBe(60_000);
    expect(sum(plan, { programme: '其他就业群体培训' })).toBe(60_000);
  });

  it('with 1 000 apprentices among the enterprise staff', () => {
    const [apprentices] = portion(plan, '新型学徒');
    expect(apprentices?.trainees).toBe(1_000);
    expect(traineesOf(linesHolding(plan, apprentices!))).toBe(60_000);
  });
});

describe("Jiyuan's 2021 plan", () => {
  const plan = JIYUAN_2021.targets[0]!;
  const of = (programme: string, trainingType?: string) =>
    sum(plan, { programme, ...(trainingType ? { trainingType } : {}) });

  it('adds up to 40 000 in 2021', () => {
    expect(traineesOf(plan.lines)).toBe(40_000);
    expect(plan.lines.every((l) => l.year === 2021 && l.jurisdiction === '419001')).toBe(true);
  });

  it('splits by training kind as the 培训人数 column prints', () => {
    expect([
      of('企业职工技能提升', '岗前培训'),
      of('企业职工技能提升', '合格证培训'),
      of('企业职工技能提升', '中级工培训'),
      of('企业职工技能提升', '高级工培训'),
      of('新型学徒制培训'),
      of('技师培训'),
      of('重点人群培训'),
      of('特种作业培训'),
      of('高危行业安全培训'),
      of('以工代训'),
      of('创业培训'),
    ]).toEqual([2_500, 2_000, 3_600, 3_000, 700, 200, 9_500, 2_000, 2_000, 12_000, 2_500]);
  });

  it('assigns them to institutions', () => {
    const byAssignee = (assignee: string) => traineesOf(plan.lines.filter((l) => l.assignee === assignee));
    expect(byAssignee('济源职业技术学院')).toBe(800 + 400 + 1_000 + 800 + 120 + 20);
    expect(byAssignee('济源技师学院')).toBe(800 + 400 + 1_000 + 800 + 250 + 200 + 10);
    expect(byAssignee('中小微企业')).toBe(12_000);
  });

  it('and plans 1 600 new high-skill workers, counted as workers, not trainings', () => {
    const highSkill = JIYUAN_2021.targets[1]!;
    expect([highSkill.measure, highSkill.totalTrainees, traineesOf(highSkill.lines)]).toEqual([
      'new_high_skill_workers',
      1_600,
      1_600,
    ]);
    expect(plan.measure).toBeUndefined(); // trainings
  });
});

describe("Yuncheng's yearly goals, 2018–2022", () => {
  const plan = YUNCHENG_2018.targets[0]!;
  const YEARS = [2018, 2019, 2020, 2021, 2022];

  it('add up each year: 10 + 5 + 2 + 2 + 0.5 + 0.5 = 20 万 certified trainees', () => {
    expect(plan.measure).toBe('certified_trainees');
    expect([plan.fromYear, plan.toYear]).toEqual([2018, 2022]);
    for (const year of YEARS) {
      expect(linesOf(plan, { year }).map((l) => l.trainees)).toEqual([
        100_000, 50_000, 20_000, 20_000, 5_000, 5_000,
      ]);
      expect(sum(plan, { year })).toBe(200_000);
    }
    // no five-year total is printed
    expect(plan.totalTrainees).toBeUndefined();
  });

  it('with, among the farmers each year, 10 000 new professional farmers cultivated and 1 000 recognised', () => {
    for (const year of YEARS) {
      const parts = plan.portions!.filter((p) => p.year === year);
      expect(parts.map((p) => [p.label, p.trainees])).toEqual([
        ['新型职业农民培育', 10_000],
        ['认定新型职业农民', 1_000],
      ]);
      expect(traineesOf(linesHolding(plan, parts[0]!))).toBe(100_000);
    }
  });
});

describe("Jincheng's yearly goals, 2020–2021", () => {
  const plan = JINCHENG_2020.targets[0]!;

  it('train ≥ 200 000 enterprise staff and ≥ 30 000 key-group trainees a year: 60 000 over the two years', () => {
    for (const year of [2020, 2021]) {
      expect(sum(plan, { year, programme: '企业职工技能提升培训' })).toBe(200_000);
      expect(sum(plan, { year, programme: '重点就业群体补贴性职业技能培训' })).toBe(30_000);
    }
    expect(sum(plan, { programme: '重点就业群体补贴性职业技能培训' })).toBe(60_000);
    expect(plan.subtotals).toEqual([{ programme: '重点就业群体补贴性职业技能培训', trainees: 60_000 }]);
  });
});

describe("Qujing's goals, 2019–2021", () => {
  const plan = QUJING_2019.targets[0]!;

  it('train ≥ 180 000 over three years, of which ≥ 60 000 in 2019, and 3 500 apprentices', () => {
    expect([plan.totalTrainees, traineesOf(plan.lines)]).toEqual([180_000, 180_000]);
    const [in2019] = portion(plan, '2019 年度培训');
    expect(in2019?.trainees).toBe(60_000);
    // the three years are not split: the one line holds 2019's part
    expect(traineesOf(linesHolding(plan, in2019!))).toBe(180_000);
    expect(portion(plan, '新型学徒').map((p) => p.trainees)).toEqual([3_500]);
  });

  it('would be refused if a part exceeded its whole', () => {
    const inflated = { ...plan, portions: [{ year: 2019, label: '2019 年度培训', trainees: 190_000 }] };
    expect(checkTargets([inflated], '530300').map((v) => v.path)).toEqual([
      'targets[0].portions[0].trainees',
    ]);
  });
});
