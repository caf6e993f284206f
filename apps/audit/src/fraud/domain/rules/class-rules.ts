// Inflated classes (DOMAIN §9: "attendance inflated against inspections", "the same worker in two
// classes at once or in two institutions", "certificates that don't exist").
import { shanghaiDate } from '@jineng/kernel';
import type { FraudFacts } from '../fraud-facts';
import { pushTo, sortedUnique, type FraudFinding, type FraudRule } from '../fraud-rule';

/** check-ins of the inspected day above the inspected headcount by this factor and at least `minExcess` people (v1) */
export const ATTENDANCE_ABOVE_INSPECTION = { factor: 1.2, minExcess: 3 } as const;

export const attendanceAboveInspection: FraudRule = {
  id: 'attendance-above-inspected-headcount',
  version: 1,
  title: { zh: '签到人数远高于抽查人数', en: 'Attendance far above the inspected headcount' },
  detect({ inspections, checkIns, classes }: FraudFacts) {
    const findings: FraudFinding[] = [];
    for (const inspection of inspections) {
      const day = shanghaiDate(new Date(inspection.atMillis));
      const present = checkIns.filter((c) => c.classId === inspection.classId && c.sessionDate === day);
      const workers = sortedUnique(present.map((c) => c.workerId)).length;
      const { factor, minExcess } = ATTENDANCE_ABOVE_INSPECTION;
      if (workers <= inspection.headcount * factor || workers - inspection.headcount < minExcess) continue;
      const c = classes.get(inspection.classId);
      findings.push({
        ruleId: this.id,
        ruleVersion: this.version,
        key: inspection.inspectionId,
        jurisdictionCode: c?.jurisdictionCode ?? '',
        summary: {
          zh: `培训班 ${inspection.classId} 于 ${day} 抽查到 ${inspection.headcount} 人，签到却有 ${workers} 人`,
          en: `class ${inspection.classId} on ${day}: ${inspection.headcount} inspected, ${workers} checked in`,
        },
        figures: { day, inspectedHeadcount: inspection.headcount, checkedIn: workers, factor, minExcess },
        evidenceEventIds: [inspection.eventId, ...present.map((p) => p.eventId)],
        classIds: [inspection.classId],
        institutionIds: c?.institutionId ? [c.institutionId] : [],
        workerIds: sortedUnique(present.map((p) => p.workerId)),
      });
    }
    return findings;
  },
};

export const overlappingClassesOfTwoInstitutions: FraudRule = {
  id: 'worker-in-overlapping-classes-of-two-institutions',
  version: 1,
  title: { zh: '同一学员同时在两家机构的培训班', en: 'A worker in overlapping classes of two institutions' },
  detect({ classes }: FraudFacts) {
    const findings: FraudFinding[] = [];
    const live = [...classes.values()].filter((c) => c.approved && !c.ended && c.startDate && c.endDate);
    const byWorker = new Map<string, typeof live>();
    for (const c of live) for (const w of c.workerIds) pushTo(byWorker, w, c);
    for (const [workerId, list] of byWorker)
      for (const a of list)
        for (const b of list) {
          if (a.classId >= b.classId || a.institutionId === b.institutionId) continue;
          if (a.startDate > b.endDate || b.startDate > a.endDate) continue;
          findings.push({
            ruleId: this.id,
            ruleVersion: this.version,
            key: `${workerId}:${a.classId}:${b.classId}`,
            jurisdictionCode:
              a.jurisdictionCode === b.jurisdictionCode
                ? a.jurisdictionCode
                : `${a.jurisdictionCode.slice(0, 2)}0000`,
            summary: {
              zh: `学员 ${workerId} 同时在两家机构的培训班（${a.startDate}–${a.endDate}，${b.startDate}–${b.endDate}）`,
              en: `worker ${workerId} is on the rosters of two institutions' classes at once (${a.startDate}–${a.endDate}, ${b.startDate}–${b.endDate})`,
            },
            figures: {
              firstFrom: a.startDate,
              firstTo: a.endDate,
              secondFrom: b.startDate,
              secondTo: b.endDate,
            },
            evidenceEventIds: [...a.eventIds.slice(-1), ...b.eventIds.slice(-1)],
            workerIds: [workerId],
            classIds: [a.classId, b.classId],
            institutionIds: sortedUnique([a.institutionId, b.institutionId]),
          });
        }
    return findings;
  },
};

/**
 * The share of sessions below which a trainee cannot pass: the policy's `assessment.minAttendanceShareToPass`
 * of the class's policy versions where one is published (the highest of them); otherwise this rule's own
 * audit threshold (no seed states a minimum — an auditor's yardstick, version 1, not a policy rule).
 */
export const DEFAULT_MIN_ATTENDANCE_SHARE = 0.8;

export const certificateBelowAttendance: FraudRule = {
  id: 'certificate-below-attendance-minimum',
  version: 1,
  title: { zh: '出勤不足仍获发证书', en: 'A certificate for a trainee below the attendance minimum' },
  detect({ certificates, completions, classes, policies }: FraudFacts) {
    const findings: FraudFinding[] = [];
    for (const certificate of certificates) {
      if (!certificate.classId) continue;
      const completion = completions.get(certificate.classId);
      if (!completion) continue; // not completed yet: nothing to compare
      const c = classes.get(certificate.classId);
      const policyMinimums = (c?.policyVersionIds ?? [])
        .map((id) => policies.get(id))
        .filter((p) => p?.minAttendanceShareToPass !== undefined);
      const minimum = policyMinimums.length
        ? Math.max(...policyMinimums.map((p) => p!.minAttendanceShareToPass!))
        : DEFAULT_MIN_ATTENDANCE_SHARE;
      const trainee = completion.trainees.find((t) => t.workerId === certificate.workerId);
      const share =
        trainee && trainee.sessionsTotal > 0 ? trainee.sessionsAttended / trainee.sessionsTotal : 0;
      if (share >= minimum) continue;
      findings.push({
        ruleId: this.id,
        ruleVersion: this.version,
        key: certificate.certificateId,
        jurisdictionCode: certificate.jurisdictionCode,
        summary: {
          zh: `证书 ${certificate.certificateId} 的持证学员出勤 ${(share * 100).toFixed(1)}%，低于 ${(minimum * 100).toFixed(1)}%${trainee ? '' : '（不在结业名单）'}`,
          en: `certificate ${certificate.certificateId}: its holder attended ${(share * 100).toFixed(1)}% of the sessions, below ${(minimum * 100).toFixed(1)}%${trainee ? '' : ' (not among the trainees at completion)'}`,
        },
        figures: {
          sessionsAttended: trainee?.sessionsAttended ?? 0,
          sessionsTotal: trainee?.sessionsTotal ?? 0,
          minimumShare: minimum,
          minimumFrom: policyMinimums.length ? 'policy' : 'rule',
        },
        evidenceEventIds: [certificate.eventId, completion.eventId, ...policyMinimums.map((p) => p!.eventId)],
        workerIds: [certificate.workerId],
        classIds: [certificate.classId],
        institutionIds: certificate.institutionId ? [certificate.institutionId] : [],
      });
    }
    return findings;
  },
};
