import { checkTargets } from './check-targets';
import type { TargetPlan } from './policy-parameters';

const plan = (over: Partial<TargetPlan> = {}): TargetPlan => ({
  title: '计划目标分解表',
  fromYear: 2019,
  toYear: 2020,
  totalTrainees: 300,
  lines: [
    { jurisdiction: '450802', year: 2019, trainees: 100 },
    { jurisdiction: '450802', year: 2020, trainees: 150 },
    { jurisdiction: '450800', year: 2019, trainees: 50 },
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

describe('target constraints', () => {
  it('keep their shares to four decimal places', () => {
    expect(
      paths([plan({ constraints: [{ programme: '企业职工', minShare: 0.55555, description: '不低于' }] })]),
    ).toEqual(['targets[0].constraints[0].minShare']);
  });
});
