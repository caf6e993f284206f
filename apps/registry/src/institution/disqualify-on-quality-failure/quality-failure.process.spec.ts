import type { IntegrationEvent } from '@jineng/messaging';
import { disqualificationFor } from './quality-failure.process';

const institutionId = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f';

const event = (type: string, data: object): IntegrationEvent => ({
  id: '0f1e2d3c-4b5a-4968-8776-655443322110',
  type,
  service: 'certification',
  streamId: `institution-quality-${institutionId}-2026`,
  streamVersion: 2,
  recordedAt: '2027-01-01T00:00:01.000Z',
  hash: 'ab'.repeat(32),
  data: data as IntegrationEvent['data'],
  metadata: {},
});

it('a failed year disqualifies the institution for the next, with the rates and the rules in the reason', () => {
  expect(
    disqualificationFor(
      event('InstitutionFailedQualityThreshold.v1', {
        institutionId,
        jurisdictionCode: '140802',
        year: 2026,
        passRate: '0.7500',
        certificateRate: '0.6000',
        employmentRate: '0.2500',
        rule: 'min_yearly_pass_rate,min_yearly_employment_rate',
        disqualifiedForYear: 2027,
      }),
    ),
  ).toEqual({
    jurisdiction: '140802',
    command: {
      type: 'DisqualifyInstitutionForYear',
      data: {
        institutionId,
        year: 2027,
        reason:
          '2026 年度培训合格率、就业率未达标（合格率 75.00%，就业率 25.00%），取消 2027 年度承担政府补贴性培训任务资格',
        passRate: 0.75,
        employmentRate: 0.25,
      },
    },
  });
});

it('a rate the event lacks is left out; another event type issues nothing', () => {
  const reaction = disqualificationFor(
    event('InstitutionFailedQualityThreshold.v1', {
      institutionId,
      jurisdictionCode: '140802',
      year: 2026,
      passRate: '0.5000',
      rule: 'min_yearly_pass_rate',
      disqualifiedForYear: 2027,
    }),
  );
  expect(reaction?.command.data).not.toHaveProperty('employmentRate');
  expect(reaction?.command.data.reason).toContain('就业率 —');
  expect(disqualificationFor(event('InstitutionYearEvaluated.v1', { institutionId }))).toBeUndefined();
});
