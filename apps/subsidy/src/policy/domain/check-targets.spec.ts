import { checkTargets, linesHolding, linesOf, traineesOf } from './check-targets';
import type { TargetPlan } from '@jineng/subsidy-computation';

const plan = (over: Partial<TargetPlan> = {}): TargetPlan => ({
  title: '计划目标分解表',
  fromYear: 2019,
  toYear: 2020,
  totalTrainees: 300,
  lines: [
    { jurisdiction: '450802', year: 2019, trainees: 100 },
    { jurisdiction: '450802', year: 2020, trainees: 150 },
    // the city's own level (市本级), not the whole city
    { jurisdiction: '450800', ownLevel: true, year: 2019, trainees: 50 },
  ],
  subtotals: [
    { jurisdiction: '450802', trainees: 250 },
    { year: 2019, trainees: 150 },
  ],
  ...over,
});

const paths = (plans: TargetPlan[], jurisdiction = '450800') =>
  checkTargets(plans, jurisdiction).map((v) => v.path);

describe('target tables', () => {
  it('add up to their total and subtotals', () => {
    expect(paths([plan()])).toEqual([]);
  });

  it('say which total a line misses', () => {
    const found = checkTargets([plan({ totalTrainees: 320 })], '450800');
    expect(found).toEqual([expect.objectContaining({ path: 'targets[0].totalTrainees' })]);
    expect(found[0]!.reason).toBe('各行合计 300 人，与合计 320 人不符');
    expect(paths([plan({ subtotals: [{ year: 2020, trainees: 100 }] })])).toEqual([
      'targets[0].subtotals[0].trainees',
    ]);
  });

  it('keep their lines in the plan years and within the version’s jurisdiction, once each', () => {
    expect(
      paths([
        plan({
          totalTrainees: 40,
          subtotals: [],
          lines: [
            { jurisdiction: '450802', year: 2021, trainees: 10 },
            { jurisdiction: '140802', year: 2019, trainees: 10 },
            { jurisdiction: '450803', year: 2019, trainees: 10 },
            { jurisdiction: '450803', year: 2019, trainees: 10 },
          ],
        }),
      ]),
    ).toEqual(['targets[0].lines[0].year', 'targets[0].lines[1].jurisdiction', 'targets[0].lines[3]']);
  });
});

describe('where a line is', () => {
  it('a jurisdiction as a whole holds the lines within it; its own level only its own', () => {
    expect(traineesOf(linesOf(plan(), { jurisdiction: '450800' }))).toBe(300);
    expect(traineesOf(linesOf(plan(), { jurisdiction: '450800', ownLevel: true }))).toBe(50);
    expect(traineesOf(linesOf(plan(), { jurisdiction: '450802' }))).toBe(250);
    expect(paths([plan({ subtotals: [{ jurisdiction: '450800', ownLevel: true, trainees: 50 }] })])).toEqual(
      [],
    );
    expect(paths([plan({ subtotals: [{ jurisdiction: '450800', trainees: 50 }] })])).toEqual([
      'targets[0].subtotals[0].trainees',
    ]);
  });

  it('never counts trainees twice: a line for the whole city beside its counties overlaps them', () => {
    const found = checkTargets(
      [
        plan({
          totalTrainees: 400,
          subtotals: [],
          lines: [...plan().lines, { jurisdiction: '450800', year: 2019, trainees: 100 }],
        }),
      ],
      '450800',
    );
    expect(found.map((v) => [v.path, v.reasonEn])).toEqual([
      ['targets[0].lines[3]', 'overlaps line 1 (one holds the other): its trainees would count twice'],
    ]);
    // so does a line over the whole period beside a year of the same kind
    expect(
      paths([
        plan({
          totalTrainees: 150,
          subtotals: [],
          lines: [
            { jurisdiction: '450802', year: 2019, trainees: 100 },
            { jurisdiction: '450802', trainees: 50 },
          ],
        }),
      ]),
    ).toEqual(['targets[0].lines[1]']);
  });
});

describe('parts the document names (其中, 含)', () => {
  const yearless = plan({
    totalTrainees: 180,
    subtotals: [],
    lines: [{ jurisdiction: '530300', trainees: 180 }],
  });

  it('fit within the lines they are part of; a line without a year holds every year’s part', () => {
    const portions = [{ year: 2019, label: '2019 年度', trainees: 60 }];
    expect(checkTargets([{ ...yearless, portions }], '530300')).toEqual([]);
    expect(traineesOf(linesHolding(yearless, portions[0]!))).toBe(180);
    // but it is in no single year's subtotal
    expect(traineesOf(linesOf(yearless, { year: 2019 }))).toBe(0);
  });

  it('are refused beyond their lines, or with no line to be part of', () => {
    const found = checkTargets(
      [
        {
          ...yearless,
          portions: [
            { year: 2019, label: '2019 年度', trainees: 181 },
            { programme: '新型学徒', label: '学徒', trainees: 1 },
          ],
        },
      ],
      '530300',
    );
    expect(found.map((v) => v.path)).toEqual([
      'targets[0].portions[0].trainees',
      'targets[0].portions[1].trainees',
    ]);
    expect(found[0]!.reason).toBe('“2019 年度” 181 人，超过其所属各行合计 180 人');
  });

  it('need no grand total where the document prints none', () => {
    expect(paths([plan({ totalTrainees: undefined })])).toEqual([]);
  });
});

describe('target constraints', () => {
  it('keep their shares to four decimal places', () => {
    expect(
      paths([plan({ constraints: [{ programme: '企业职工', minShare: 0.55555, description: '不低于' }] })]),
    ).toEqual(['targets[0].constraints[0].minShare']);
  });
});
