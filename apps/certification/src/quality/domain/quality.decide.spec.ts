import { decisionEvents } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { expectContracts, metadataAt } from '../../testing/certification.spec-fixture';
import { qualityDecider } from './quality.decide';
import type { OutcomeCounts, QualityCommand } from './quality';
import { YearNotOver } from './quality.errors';

const spec = DeciderSpecification.for(qualityDecider);
const institutionId = '2d9a8c3e-4f5b-4c7d-8e1f-2a3b4c5d6e7f';
const versionId = '7c4f3b8d-9e0a-4b2c-9d6e-7f8091a2b3c4';

/** Yuncheng 2018: 80 % and 30 % */
const evaluate = (
  counts: Partial<OutcomeCounts>,
  now = '2027-01-01T00:00:00+08:00',
  minimums = true,
): QualityCommand => ({
  type: 'EvaluateInstitutionYear',
  data: {
    institutionId,
    year: 2026,
    jurisdictionCode: '140802',
    counts: {
      classes: 4,
      trainees: 100,
      passed: 80,
      certified: 70,
      employed: 30,
      employmentWithinMonths: 3,
      ...counts,
    },
    minPassRate: minimums ? { value: 0.8, versionId } : null,
    minEmploymentRate: minimums ? { value: 0.3, versionId } : null,
  },
  metadata: metadataAt(now, { actor: { userId: 'system:certification', roles: ['system'] } }),
});

const evaluated = (figures: object) => ({
  type: 'InstitutionYearEvaluated.v1' as const,
  data: {
    institutionId,
    jurisdictionCode: '140802',
    year: 2026,
    figures: {
      classes: 4,
      trainees: 100,
      passed: 80,
      certified: 70,
      employed: 30,
      passRate: '0.8000',
      certificateRate: '0.7000',
      employmentRate: '0.3000',
      employmentWithinMonths: 3,
      ...figures,
    },
    minPassRate: '0.8000',
    minEmploymentRate: '0.3000',
    policyVersionIds: [versionId],
  },
});

it('exactly 80 % passed and exactly 30 % employed: evaluated, nothing failed', () => {
  const event = evaluated({});
  spec.given().when(evaluate({})).then(event);
  expectContracts([event]);
});

it('79 % passed: failed, disqualified for the next year, with the figures', () => {
  const failed = {
    type: 'InstitutionFailedQualityThreshold.v1' as const,
    data: {
      institutionId,
      jurisdictionCode: '140802',
      year: 2026,
      passRate: '0.7900',
      certificateRate: '0.7000',
      employmentRate: '0.3000',
      rule: 'min_yearly_pass_rate',
      disqualifiedForYear: 2027,
    },
  };
  spec
    .given()
    .when(evaluate({ passed: 79 }))
    .then(evaluated({ passed: 79, passRate: '0.7900' }), failed);
  expectContracts([failed]);
});

it('both rates below: both rules named', () => {
  const events = decisionEvents(
    qualityDecider.decide(evaluate({ passed: 50, employed: 29 }), qualityDecider.initialState()),
  );
  expect(events[1]?.data).toMatchObject({
    rule: 'min_yearly_pass_rate,min_yearly_employment_rate',
    passRate: '0.5000',
    employmentRate: '0.2900',
  });
});

it('no months set for employment: no employment rate, its rule not applied', () => {
  spec
    .given()
    .when(evaluate({ employed: null, employmentWithinMonths: null }))
    .then(evaluated({ employed: undefined, employmentRate: undefined, employmentWithinMonths: undefined }));
});

it('a year without trainees, or without minimums, fails nothing', () => {
  spec
    .given()
    .when(evaluate({ classes: 0, trainees: 0, passed: 0, certified: 0, employed: 0 }))
    .then({
      ...evaluated({}),
      data: {
        ...evaluated({}).data,
        figures: { classes: 0, trainees: 0, passed: 0, certified: 0, employed: 0, employmentWithinMonths: 3 },
      },
    });
  const {
    minPassRate: _p,
    minEmploymentRate: _e,
    ...data
  } = evaluated({ passed: 10, passRate: '0.1000' }).data;
  spec
    .given()
    .when(evaluate({ passed: 10 }, '2027-01-01T00:00:00+08:00', false))
    .then({ type: 'InstitutionYearEvaluated.v1', data: { ...data, policyVersionIds: [] } });
});

it('only after the year, and once', () => {
  spec.given().when(evaluate({}, '2026-12-31T23:59:00+08:00')).thenThrows(YearNotOver);
  spec
    .given(evaluated({}))
    .when(evaluate({ passed: 10 }))
    .thenNothingHappened();
});
