// The attendance minimum a passed result needs, where the policy in force at the class's start sets one
// (assessment.minAttendanceShareToPass), with each trainee's attendance once class-ops told its completion.
import { chainOf, parameterInForce } from '../local/policy-resolution';
import type { CertificationReads } from '../local/certification-reads';
import type { ClassFacts } from '../local/class-facts';
import type { PassRule } from './domain/assessment';

export async function passRuleFor(reads: CertificationReads, cls: ClassFacts): Promise<PassRule | undefined> {
  const versions = await reads.policyVersions(chainOf(cls.jurisdictionCode));
  const minimum = parameterInForce(
    versions,
    cls.jurisdictionCode,
    cls.startDate,
    'assessment',
    'minAttendanceShareToPass',
  );
  if (minimum === undefined) return undefined;
  return {
    minAttendanceShare: minimum.value,
    attendance:
      cls.status === 'completed'
        ? Object.fromEntries(
            cls.trainees.map((t) => [t.workerId, { attended: t.sessionsAttended, total: t.sessionsTotal }]),
          )
        : null,
  };
}
