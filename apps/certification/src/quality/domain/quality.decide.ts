// The institution-year decider: once per institution and year, after the year; a rate below the
// policy's minimum in force on the year's last day (exactly the minimum is not below it) fails the
// threshold, and the institution is disqualified for the next year. A year without trainees, or a
// minimum no level sets, fails nothing.
import type { Decider } from '@jineng/ddd';
import { todayOf } from '../../shared/dates';
import { isBelow, minimumOf } from '../../shared/share';
import { figuresOf } from './outcome-figures';
import type { EvaluateInstitutionYear, QualityCommand, QualityEvent, QualityState } from './quality';
import { YearNotOver } from './quality.errors';

export const qualityDecider: Decider<QualityCommand, QualityState, QualityEvent> = {
  initialState: () => ({ evaluated: false }),
  evolve: (state, event) => (event.type === 'InstitutionYearEvaluated.v1' ? { evaluated: true } : state),
  decide: (command, state) => evaluate(command, state),
};

function evaluate(command: EvaluateInstitutionYear, state: QualityState): QualityEvent[] {
  const { data, metadata } = command;
  if (state.evaluated) return [];
  const today = todayOf(metadata);
  if (today <= `${data.year}-12-31`) throw new YearNotOver({ year: data.year, today });
  const { counts, minPassRate, minEmploymentRate } = data;
  const figures = figuresOf(counts);
  const versionIds = [
    ...new Set([minPassRate?.versionId, minEmploymentRate?.versionId].filter((v) => v !== undefined)),
  ];
  const events: QualityEvent[] = [
    {
      type: 'InstitutionYearEvaluated.v1',
      data: {
        institutionId: data.institutionId,
        jurisdictionCode: data.jurisdictionCode,
        year: data.year,
        figures,
        ...(minPassRate ? { minPassRate: minimumOf(minPassRate.value) } : {}),
        ...(minEmploymentRate ? { minEmploymentRate: minimumOf(minEmploymentRate.value) } : {}),
        policyVersionIds: versionIds,
      },
    },
  ];
  const broken: string[] = [];
  if (counts.trainees > 0) {
    if (minPassRate && isBelow(counts.passed, counts.trainees, minPassRate.value))
      broken.push('min_yearly_pass_rate');
    if (
      minEmploymentRate &&
      counts.employed !== null &&
      isBelow(counts.employed, counts.trainees, minEmploymentRate.value)
    )
      broken.push('min_yearly_employment_rate');
  }
  if (broken.length > 0)
    events.push({
      type: 'InstitutionFailedQualityThreshold.v1',
      data: {
        institutionId: data.institutionId,
        jurisdictionCode: data.jurisdictionCode,
        year: data.year,
        ...(figures.passRate !== undefined ? { passRate: figures.passRate } : {}),
        ...(figures.certificateRate !== undefined ? { certificateRate: figures.certificateRate } : {}),
        ...(figures.employmentRate !== undefined ? { employmentRate: figures.employmentRate } : {}),
        rule: broken.join(','),
        disqualifiedForYear: data.year + 1,
      },
    });
  return events;
}
