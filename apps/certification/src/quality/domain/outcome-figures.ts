// The outcome figures as the contracts carry them: counts and rates with 4 decimals.
import type { certificationV1 } from '@jineng/contracts';
import { shareOf } from '../../shared/share';
import type { OutcomeCounts } from './quality';

export function figuresOf(counts: OutcomeCounts): certificationV1.OutcomeFigures {
  const passRate = shareOf(counts.passed, counts.trainees);
  const certificateRate = shareOf(counts.certified, counts.trainees);
  const employmentRate = counts.employed === null ? undefined : shareOf(counts.employed, counts.trainees);
  return {
    classes: counts.classes,
    trainees: counts.trainees,
    passed: counts.passed,
    certified: counts.certified,
    ...(counts.employed !== null ? { employed: counts.employed } : {}),
    ...(passRate !== undefined ? { passRate } : {}),
    ...(certificateRate !== undefined ? { certificateRate } : {}),
    ...(employmentRate !== undefined ? { employmentRate } : {}),
    ...(counts.employmentWithinMonths !== null
      ? { employmentWithinMonths: counts.employmentWithinMonths }
      : {}),
  };
}
