// Each fraud rule on facts folded from events as the contracts carry them: it finds what it names, with
// its evidence, and stays quiet just below its threshold.
import { randomUUID } from 'node:crypto';
import { fraudFactsOf, type CopiedEvent } from './fraud-facts';
import { alertIdOf, commonJurisdiction, distanceMetres, type FraudRule } from './fraud-rule';
import { FRAUD_RULES } from './fraud-rules';
import { deviceBurst, impossibleTravel, workerAtTwoSitesAtOnce } from './rules/check-in-rules';
import {
  attendanceAboveInspection,
  certificateBelowAttendance,
  overlappingClassesOfTwoInstitutions,
} from './rules/class-rules';
import { implausiblePassRate, sharedPayeeAccount, subsidiesAboveYearlyLimit } from './rules/money-rules';

let clock = Date.parse('2026-03-02T00:00:00Z');
const event = (type: string, data: Record<string, unknown>, jurisdiction = '140802'): CopiedEvent => ({
  eventId: randomUUID(),
  type,
  data,
  recordedAtMillis: (clock += 1000),
  jurisdiction,
});
const run = (rule: FraudRule, events: CopiedEvent[]) => rule.detect(fraudFactsOf(events));

// Yuncheng (运城) and Taiyuan (太原) are ~300 km apart; two sites in Yuncheng 3 km apart
const YUNCHENG = { lat: 35.0265, lng: 111.007, radiusMetres: 200 };
const YUNCHENG_EAST = { lat: 35.0265, lng: 111.04, radiusMetres: 200 };
const TAIYUAN = { lat: 37.8706, lng: 112.5489, radiusMetres: 200 };
const [instA, instB] = [randomUUID(), randomUUID()];

function classApproved(site: typeof YUNCHENG, over: Record<string, unknown> = {}) {
  const classId = randomUUID();
  return {
    classId,
    event: event('ClassApproved.v1', {
      classId,
      institutionId: instA,
      jurisdictionCode: '140802',
      startDate: '2026-03-02',
      endDate: '2026-03-11',
      totalHours: 80,
      lessonMinutes: 45,
      dailyStartTime: '08:30',
      site,
      workerIds: [],
      policyVersionIds: [],
      ...over,
    }),
  };
}
const checkIn = (
  classId: string,
  workerId: string,
  at: string,
  deviceId = randomUUID(),
  sessionDate = at.slice(0, 10),
) =>
  event('CheckInRecorded.v1', {
    checkInId: randomUUID(),
    classId,
    workerId,
    deviceId,
    sessionNo: 1,
    sessionDate,
    at,
    distanceMetres: 10,
    faceMatchScore: 0.95,
  });

it('every rule has an id, a version and a title in both languages; alert ids follow rule, version and key', () => {
  expect(new Set(FRAUD_RULES.map((r) => r.id)).size).toBe(9);
  for (const rule of FRAUD_RULES)
    expect(rule).toMatchObject({
      version: expect.any(Number),
      title: { zh: expect.any(String), en: expect.any(String) },
    });
  const finding = { ruleId: 'r', ruleVersion: 1, key: 'k' };
  expect(alertIdOf(finding)).toBe(alertIdOf(finding));
  expect(alertIdOf({ ...finding, ruleVersion: 2 })).not.toBe(alertIdOf(finding));
  expect(commonJurisdiction(['140802', '140821'])).toBe('140800');
  expect(commonJurisdiction(['140802', '140105'])).toBe('140000');
  expect(Math.round(distanceMetres(YUNCHENG, TAIYUAN) / 1000)).toBeGreaterThan(300);
});

it('worker-two-sites-at-once: overlapping sessions at sites apart; not the same site, not another day, not sessions that do not overlap', () => {
  const w = randomUUID();
  const a = classApproved(YUNCHENG);
  const b = classApproved(YUNCHENG_EAST, { institutionId: instB, dailyStartTime: '09:00' });
  const late = classApproved(YUNCHENG_EAST, { dailyStartTime: '18:00' });
  const inA = checkIn(a.classId, w, '2026-03-03T00:35:00Z'); // 08:35 Shanghai
  const inB = checkIn(b.classId, w, '2026-03-03T01:05:00Z');
  const found = run(workerAtTwoSitesAtOnce, [
    a.event,
    b.event,
    late.event,
    inA,
    inB,
    checkIn(late.classId, w, '2026-03-03T10:05:00Z'),
  ]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({
    workerIds: [w],
    figures: { sessionDate: '2026-03-03' },
    jurisdictionCode: '140802',
  });
  expect(found[0].evidenceEventIds).toEqual(expect.arrayContaining([inA.eventId, inB.eventId]));
  // the same site (one geofence) is one place
  const c = classApproved(YUNCHENG, { dailyStartTime: '09:00' });
  expect(
    run(workerAtTwoSitesAtOnce, [a.event, c.event, inA, checkIn(c.classId, w, '2026-03-03T01:05:00Z')]),
  ).toEqual([]);
});

it('device-many-workers-in-seconds: five workers within ten seconds on one device; four do not', () => {
  const k = classApproved(YUNCHENG);
  const device = randomUUID();
  const burst = [0, 2, 4, 6, 8].map((s) =>
    checkIn(k.classId, randomUUID(), `2026-03-03T00:35:0${s}Z`, device),
  );
  const found = run(deviceBurst, [
    k.event,
    ...burst,
    checkIn(k.classId, randomUUID(), '2026-03-03T00:50:00Z', device),
  ]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ deviceIds: [device], figures: { workers: 5, seconds: 8 } });
  expect(found[0].evidenceEventIds).toEqual(burst.map((e) => e.eventId));
  expect(run(deviceBurst, [k.event, ...burst.slice(0, 4)])).toEqual([]);
  // spread over a minute, one every 12 s: an ordinary queue
  const queue = [0, 12, 24, 36, 48].map((s) =>
    checkIn(k.classId, randomUUID(), `2026-03-03T00:35:${String(s).padStart(2, '0')}Z`, device),
  );
  expect(run(deviceBurst, [k.event, ...queue])).toEqual([]);
});

it('impossible-travel: Yuncheng then Taiyuan an hour later; not with five hours between', () => {
  const w = randomUUID();
  const [y, t] = [classApproved(YUNCHENG), classApproved(TAIYUAN, { jurisdictionCode: '140105' })];
  const first = checkIn(y.classId, w, '2026-03-03T00:35:00Z');
  const found = run(impossibleTravel, [
    y.event,
    t.event,
    first,
    checkIn(t.classId, w, '2026-03-03T01:35:00Z'),
  ]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ workerIds: [w], jurisdictionCode: '140000', figures: { minutes: 60 } });
  expect(found[0].figures.kmPerHour).toBeGreaterThan(120);
  expect(
    run(impossibleTravel, [y.event, t.event, first, checkIn(t.classId, w, '2026-03-03T05:35:00Z')]),
  ).toEqual([]);
});

it('attendance-above-inspected-headcount: 10 checked in, 5 inspected; 6 checked in for 5 is within the margin', () => {
  const k = classApproved(YUNCHENG);
  const checkIns = Array.from({ length: 10 }, () => checkIn(k.classId, randomUUID(), '2026-03-04T00:35:00Z'));
  const inspection = (headcount: number) =>
    event('InspectionRecorded.v1', {
      classId: k.classId,
      inspectionId: randomUUID(),
      at: '2026-03-04T02:00:00Z',
      headcount,
      averageInspectedHeadcount: headcount,
    });
  const found = run(attendanceAboveInspection, [k.event, ...checkIns, inspection(5)]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({
    classIds: [k.classId],
    figures: { inspectedHeadcount: 5, checkedIn: 10 },
  });
  expect(run(attendanceAboveInspection, [k.event, ...checkIns.slice(0, 6), inspection(5)])).toEqual([]);
});

it('worker-in-overlapping-classes-of-two-institutions: overlapping dates at two institutions; not one institution, not back to back', () => {
  const w = randomUUID();
  const a = classApproved(YUNCHENG, { workerIds: [w] });
  const b = classApproved(YUNCHENG, {
    workerIds: [w],
    institutionId: instB,
    startDate: '2026-03-10',
    endDate: '2026-03-20',
  });
  const sameInstitution = classApproved(YUNCHENG, {
    workerIds: [w],
    startDate: '2026-03-05',
    endDate: '2026-03-06',
  });
  const after = classApproved(YUNCHENG, {
    workerIds: [w],
    institutionId: instB,
    startDate: '2026-03-12',
    endDate: '2026-03-20',
  });
  const found = run(overlappingClassesOfTwoInstitutions, [a.event, b.event, sameInstitution.event]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ workerIds: [w], institutionIds: [instA, instB].sort() });
  expect(run(overlappingClassesOfTwoInstitutions, [a.event, after.event])).toEqual([]);
  // taken off the roster: no longer there
  const amended = event('RosterAmended.v1', {
    classId: b.classId,
    workerIds: [],
    addedWorkerIds: [],
    removedWorkerIds: [w],
  });
  expect(run(overlappingClassesOfTwoInstitutions, [a.event, b.event, amended])).toEqual([]);
});

it("certificate-below-attendance-minimum: by the policy's minimum where published, else the rule's 80 %", () => {
  const versionId = randomUUID();
  const [w1, w2] = [randomUUID(), randomUUID()];
  const k = classApproved(YUNCHENG, { policyVersionIds: [versionId] });
  const completed = event('ClassCompleted.v1', {
    classId: k.classId,
    trainees: [
      { workerId: w1, sessionsAttended: 7, sessionsTotal: 10, daysAttended: 7 },
      { workerId: w2, sessionsAttended: 9, sessionsTotal: 10, daysAttended: 9 },
    ],
  });
  const cert = (workerId: string) =>
    event('CertificateIssued.v1', {
      certificateId: randomUUID(),
      workerId,
      classId: k.classId,
      institutionId: instA,
      jurisdictionCode: '140802',
    });
  const [c1, c2] = [cert(w1), cert(w2)];
  const byRule = run(certificateBelowAttendance, [k.event, completed, c1, c2]);
  expect(byRule.map((f) => f.workerIds)).toEqual([[w1]]);
  expect(byRule[0].figures).toMatchObject({ minimumShare: 0.8, minimumFrom: 'rule' });
  const policy = event('PolicyVersionPublished.v1', {
    versionId,
    parameters: { assessment: { minAttendanceShareToPass: 0.95 } },
  });
  const byPolicy = run(certificateBelowAttendance, [policy, k.event, completed, c1, c2]);
  expect(byPolicy.map((f) => f.workerIds)).toEqual([[w1], [w2]]);
  expect(byPolicy[1].evidenceEventIds).toContain(policy.eventId);
});

it('subsidies-above-yearly-limit: a fourth approved claim in a year where the policy allows three', () => {
  const versionId = randomUUID();
  const w = randomUUID();
  const policy = event('PolicyVersionPublished.v1', {
    versionId,
    parameters: { claims: { yearlySubsidyLimit: { maxPerWorker: 3, inPrinciple: true } } },
  });
  const claim = () => {
    const claimId = randomUUID();
    return [
      event('ClaimApproved.v1', {
        claimId,
        classId: randomUUID(),
        claimantId: instA,
        claimantKind: 'institution',
        jurisdictionCode: '140802',
        amountFen: 100_000,
        policyVersionIds: [versionId],
      }),
      event('TraineesNamedInClaim.v1', {
        claimId,
        kind: 'training',
        trainees: [{ workerId: w, amountFen: 100_000 }],
      }),
    ];
  };
  const three = [claim(), claim(), claim()].flat();
  expect(run(subsidiesAboveYearlyLimit, [policy, ...three])).toEqual([]);
  const found = run(subsidiesAboveYearlyLimit, [policy, ...three, ...claim()]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ workerIds: [w], figures: { approved: 4, limit: 3, year: 2026 } });
  expect(found[0].claimIds).toHaveLength(4);
  // a claim named but not approved does not count
  const claimId = randomUUID();
  const named = event('TraineesNamedInClaim.v1', {
    claimId,
    kind: 'training',
    trainees: [{ workerId: w, amountFen: 1 }],
  });
  expect(run(subsidiesAboveYearlyLimit, [policy, ...three, named])).toEqual([]);
});

it('implausible-pass-rate-at-volume: 200 of 200 passed; 150 of 150 is too few to say', () => {
  const results = (n: number, failed = 0) =>
    event('AssessmentResultsRecorded.v1', {
      assessmentId: randomUUID(),
      institutionId: instA,
      jurisdictionCode: '140802',
      results: Array.from({ length: n }, (_, i) => ({
        workerId: randomUUID(),
        outcome: i < failed ? 'failed' : 'passed',
      })),
    });
  const found = run(implausiblePassRate, [results(100), results(100)]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ institutionIds: [instA], figures: { assessed: 200, passed: 200 } });
  expect(run(implausiblePassRate, [results(150)])).toEqual([]);
  expect(run(implausiblePassRate, [results(200, 10)])).toEqual([]);
});

it('one-account-several-claimants: two claimants with the same sealed account digest; a payee without claims is not counted', () => {
  const digest = 'a'.repeat(64);
  const [p1, p2, p3] = [randomUUID(), randomUUID(), randomUUID()];
  const sealed = (payeeId: string, accountDigest = digest) =>
    event('PayeeAccountSealed.v1', {
      payeeId,
      payeeKind: 'institution',
      sealedAccount: 'AQ==',
      accountDigest,
      bankCode: '102',
    });
  const approved = (claimantId: string) =>
    event('ClaimApproved.v1', {
      claimId: randomUUID(),
      claimantId,
      claimantKind: 'institution',
      jurisdictionCode: '140802',
      amountFen: 1,
      policyVersionIds: [],
    });
  const found = run(sharedPayeeAccount, [sealed(p1), sealed(p2), sealed(p3), approved(p1), approved(p2)]);
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ payeeIds: [p1, p2].sort(), figures: { claimants: 2, claims: 2 } });
  expect(JSON.stringify(found[0])).not.toContain(digest);
  // p2 changed its account since: no longer shared
  expect(
    run(sharedPayeeAccount, [sealed(p1), sealed(p2), sealed(p2, 'b'.repeat(64)), approved(p1), approved(p2)]),
  ).toEqual([]);
});
