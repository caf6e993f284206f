import { diffPolicyVersions } from './diff-policy';
import type { PolicyVersionContent } from './policy-version.state';

const base: PolicyVersionContent = {
  jurisdiction: '140800',
  effectiveFrom: '2018-03-29',
  title: '运城市全民技能提升工程实施方案',
  document: { title: '通知', issuer: '运城市人民政府' },
  parameters: {
    classOpening: { maxDurationDays: 15 },
    subsidies: {
      perDayTraining: { tiers: [{ fromDay: 1, toDay: 10, amountFen: 15_000 }], maxDays: 10 },
      tranches: { onCertificateShare: 0.8, onEmploymentShare: 0.2, employmentWithinMonths: 3 },
    },
  },
  targets: [],
  assumptions: [],
  clauses: [],
};

describe('the difference between two versions', () => {
  it('lists parameters added, removed and changed, in catalogue order, and the other fields that differ', () => {
    const later: PolicyVersionContent = {
      ...base,
      effectiveFrom: '2020-01-01',
      parameters: {
        classOpening: { maxDurationDays: 15, maxClassSize: 50 },
        subsidies: {
          perDayTraining: { maxDays: 10, tiers: [{ amountFen: 16_000, fromDay: 1, toDay: 10 }] },
        },
      },
    };
    expect(diffPolicyVersions(base, later)).toEqual({
      changes: [
        { parameter: 'classOpening.maxClassSize', change: 'added', after: 50 },
        {
          parameter: 'subsidies.perDayTraining',
          change: 'changed',
          before: { tiers: [{ fromDay: 1, toDay: 10, amountFen: 15_000 }], maxDays: 10 },
          after: { maxDays: 10, tiers: [{ amountFen: 16_000, fromDay: 1, toDay: 10 }] },
        },
        {
          parameter: 'subsidies.tranches',
          change: 'removed',
          before: { onCertificateShare: 0.8, onEmploymentShare: 0.2, employmentWithinMonths: 3 },
        },
      ],
      otherDifferences: ['effectiveFrom'],
    });
  });

  it('tells a new end date, assumption or quoted clause apart from the parameters', () => {
    const read: PolicyVersionContent = {
      ...base,
      effectiveUntil: '2022-12-31',
      assumptions: [{ about: 'effectiveUntil', assumed: '2022-12-31', reason: '「从2018年起至2022年」' }],
      clauses: [{ parameter: 'classOpening.maxDurationDays', quotes: ['最长不超过15天（120个课时）'] }],
    };
    expect(diffPolicyVersions(base, read)).toEqual({
      changes: [],
      otherDifferences: ['effectiveUntil', 'assumptions', 'clauses'],
    });
  });

  it('is empty between equal versions, whatever the key order', () => {
    const reordered: PolicyVersionContent = {
      ...base,
      parameters: { subsidies: base.parameters.subsidies, classOpening: base.parameters.classOpening },
    };
    expect(diffPolicyVersions(base, reordered)).toEqual({ changes: [], otherDifferences: [] });
  });
});
