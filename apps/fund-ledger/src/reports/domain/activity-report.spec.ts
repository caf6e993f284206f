import { activityReport, periodOfMonth } from './activity-report';

const COUNTY = '530302';
const OTHER = '530321';

it('puts a month in its quarter and year', () => {
  expect(periodOfMonth('2026-03', 'quarter')).toBe('2026-Q1');
  expect(periodOfMonth('2026-04', 'quarter')).toBe('2026-Q2');
  expect(periodOfMonth('2026-12', 'year')).toBe('2026');
  expect(periodOfMonth('2026-07', 'month')).toBe('2026-07');
});

describe('given trainings, certificates and employment in two counties', () => {
  const facts = [
    {
      month: '2026-01',
      jurisdictionCode: COUNTY,
      trainingType: 'pre_job',
      classesCompleted: 1,
      trainings: 30,
      keyGroupTrainings: 30,
    },
    {
      month: '2026-02',
      jurisdictionCode: COUNTY,
      trainingType: 'skill_upgrading',
      classesCompleted: 2,
      trainings: 45,
    },
    {
      month: '2026-02',
      jurisdictionCode: COUNTY,
      trainingType: 'pre_job',
      classesCompleted: 1,
      trainings: 20,
    },
    { month: '2026-02', jurisdictionCode: COUNTY, certificatesIssued: 40, highSkillCertificates: 5 },
    { month: '2026-05', jurisdictionCode: COUNTY, certificatesRevoked: 1, employments: 12 },
    {
      month: '2026-03',
      jurisdictionCode: OTHER,
      trainingType: 'pre_job',
      classesCompleted: 1,
      trainings: 10,
    },
    {
      month: '2025-12',
      jurisdictionCode: COUNTY,
      trainingType: 'pre_job',
      classesCompleted: 9,
      trainings: 99,
    },
  ];

  it('when reported by month, then every month of each county has a row, zeros included', () => {
    const { activity } = activityReport(2026, 'month', facts);
    expect(activity).toHaveLength(24);
    expect(activity.find((r) => r.period === '2026-02' && r.jurisdictionCode === COUNTY)).toEqual({
      period: '2026-02',
      jurisdictionCode: COUNTY,
      classesCompleted: 3,
      trainings: 65,
      keyGroupTrainings: 0,
      certificatesIssued: 40,
      highSkillCertificates: 5,
      certificatesRevoked: 0,
      employments: 0,
    });
    expect(activity.find((r) => r.period === '2026-04' && r.jurisdictionCode === COUNTY)!.trainings).toBe(0);
  });

  it('when rolled up by quarter, then the quarter sums its months and the year before is left out', () => {
    const { activity, trainingKinds } = activityReport(2026, 'quarter', facts);
    const q1 = activity.find((r) => r.period === '2026-Q1' && r.jurisdictionCode === COUNTY)!;
    expect([q1.classesCompleted, q1.trainings, q1.keyGroupTrainings, q1.certificatesIssued]).toEqual([
      4, 95, 30, 40,
    ]);
    const q2 = activity.find((r) => r.period === '2026-Q2' && r.jurisdictionCode === COUNTY)!;
    expect([q2.employments, q2.certificatesRevoked]).toEqual([12, 1]);
    expect(trainingKinds.filter((r) => r.period === '2026-Q1')).toEqual([
      {
        period: '2026-Q1',
        jurisdictionCode: COUNTY,
        trainingType: 'pre_job',
        classesCompleted: 2,
        trainings: 50,
      },
      {
        period: '2026-Q1',
        jurisdictionCode: COUNTY,
        trainingType: 'skill_upgrading',
        classesCompleted: 2,
        trainings: 45,
      },
      {
        period: '2026-Q1',
        jurisdictionCode: OTHER,
        trainingType: 'pre_job',
        classesCompleted: 1,
        trainings: 10,
      },
    ]);
  });

  it('when rolled up by year, then one row per county', () => {
    const { activity } = activityReport(2026, 'year', facts);
    expect(activity.map((r) => [r.jurisdictionCode, r.trainings, r.employments])).toEqual([
      [COUNTY, 95, 12],
      [OTHER, 10, 0],
    ]);
  });
});
