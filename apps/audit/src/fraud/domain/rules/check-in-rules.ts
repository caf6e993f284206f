// Proxy check-ins (DOMAIN §9: "one face or device checking in many people, impossible travel"; the
// same worker in two classes at once), over accepted check-ins (CheckInRecorded.v1). A check-in is
// located at its class's site (ClassApplied.v1 `site`): the device was accepted inside the geofence.
import type { CheckInFact, ClassFacts, FraudFacts } from '../fraud-facts';
import {
  commonJurisdiction,
  distanceMetres,
  sortedUnique,
  type FraudFinding,
  type FraudRule,
} from '../fraud-rule';

const byTime = (a: CheckInFact, b: CheckInFact) =>
  a.atMillis - b.atMillis || (a.eventId < b.eventId ? -1 : 1);

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Number of calendar days from start to end, both included (one session a day: ClassApplied.v1). */
const daysOf = (c: ClassFacts): number =>
  Math.max(1, Math.round((Date.parse(c.endDate) - Date.parse(c.startDate)) / 86_400_000) + 1);

/** The session of that date: from the daily start time, for the class's hours per day (lessons of lessonMinutes). */
export function sessionWindow(c: ClassFacts, sessionDate: string): { from: number; to: number } | undefined {
  if (!c.dailyStartTime || !c.lessonMinutes || !c.totalHours) return undefined;
  const from = Date.parse(`${sessionDate}T${c.dailyStartTime}:00+08:00`);
  if (Number.isNaN(from)) return undefined;
  const minutes = Math.ceil(c.totalHours / daysOf(c)) * c.lessonMinutes;
  return { from, to: from + minutes * 60_000 };
}

/** Two sites are different places when their geofences do not touch. */
const apart = (a: ClassFacts, b: ClassFacts): number | undefined => {
  if (!a.site || !b.site) return undefined;
  const metres = distanceMetres(a.site, b.site);
  return metres > a.site.radiusMetres + b.site.radiusMetres ? metres : undefined;
};

export const workerAtTwoSitesAtOnce: FraudRule = {
  id: 'worker-two-sites-at-once',
  version: 1,
  title: {
    zh: '同一学员同一时段在两处签到',
    en: 'The same worker checked in at two sites in overlapping sessions',
  },
  detect({ checkIns, classes }) {
    const findings: FraudFinding[] = [];
    for (const [workerId, list] of groupBy(checkIns, (c) => c.workerId)) {
      const seen = new Set<string>();
      for (const a of list)
        for (const b of list) {
          if (a.classId >= b.classId || a.sessionDate !== b.sessionDate) continue;
          const [ca, cb] = [classes.get(a.classId), classes.get(b.classId)];
          if (!ca || !cb) continue;
          const metres = apart(ca, cb);
          const [wa, wb] = [sessionWindow(ca, a.sessionDate), sessionWindow(cb, b.sessionDate)];
          if (metres === undefined || !wa || !wb || wa.from >= wb.to || wb.from >= wa.to) continue;
          const key = `${workerId}:${a.sessionDate}:${a.classId}:${b.classId}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push({
            ruleId: this.id,
            ruleVersion: this.version,
            key,
            jurisdictionCode: commonJurisdiction([ca.jurisdictionCode, cb.jurisdictionCode]),
            summary: {
              zh: `学员 ${workerId} 于 ${a.sessionDate} 在相距 ${Math.round(metres)} 米的两个培训班同时段签到`,
              en: `worker ${workerId} checked in on ${a.sessionDate} in two classes ${Math.round(metres)} m apart whose sessions overlap`,
            },
            figures: { sessionDate: a.sessionDate, distanceMetres: Math.round(metres) },
            evidenceEventIds: [a.eventId, b.eventId, ...ca.eventIds.slice(-1), ...cb.eventIds.slice(-1)],
            workerIds: [workerId],
            classIds: [a.classId, b.classId],
            institutionIds: sortedUnique([ca.institutionId, cb.institutionId]),
          });
        }
    }
    return findings;
  },
};

/** at least this many different workers on one device within the window (rule version 1) */
export const DEVICE_BURST = { minWorkers: 5, windowSeconds: 10 } as const;

export const deviceBurst: FraudRule = {
  id: 'device-many-workers-in-seconds',
  version: 1,
  title: { zh: '同一设备数秒内为多名学员签到', en: 'One device checked in many workers within seconds' },
  detect({ checkIns, classes }) {
    const findings: FraudFinding[] = [];
    const windowMs = DEVICE_BURST.windowSeconds * 1000;
    for (const [deviceId, unsorted] of groupBy(checkIns, (c) => c.deviceId)) {
      const list = [...unsorted].sort(byTime);
      let start = 0;
      while (start < list.length) {
        let end = start;
        while (end + 1 < list.length && list[end + 1].atMillis - list[start].atMillis <= windowMs) end++;
        const burst = list.slice(start, end + 1);
        const workers = sortedUnique(burst.map((c) => c.workerId));
        if (workers.length < DEVICE_BURST.minWorkers) {
          start++;
          continue;
        }
        // the burst runs on while the next check-in is within the window of the previous one
        while (end + 1 < list.length && list[end + 1].atMillis - list[end].atMillis <= windowMs) end++;
        const whole = list.slice(start, end + 1);
        const classIds = sortedUnique(whole.map((c) => c.classId));
        const seconds = Math.round((whole[whole.length - 1].atMillis - whole[0].atMillis) / 1000);
        const count = sortedUnique(whole.map((c) => c.workerId)).length;
        findings.push({
          ruleId: this.id,
          ruleVersion: this.version,
          key: `${deviceId}:${whole[0].checkInId}`,
          jurisdictionCode: commonJurisdiction(classIds.map((id) => classes.get(id)?.jurisdictionCode ?? '')),
          summary: {
            zh: `设备 ${deviceId} 在 ${seconds} 秒内为 ${count} 名学员签到`,
            en: `device ${deviceId} checked in ${count} workers within ${seconds} s`,
          },
          figures: {
            workers: count,
            seconds,
            minWorkers: DEVICE_BURST.minWorkers,
            windowSeconds: DEVICE_BURST.windowSeconds,
          },
          evidenceEventIds: whole.map((c) => c.eventId),
          workerIds: sortedUnique(whole.map((c) => c.workerId)),
          classIds,
          deviceIds: [deviceId],
          institutionIds: sortedUnique(
            classIds.map((id) => classes.get(id)?.institutionId ?? '').filter(Boolean),
          ),
        });
        start = end + 1;
      }
    }
    return findings;
  },
};

/** faster than this between two sites farther apart than `minMetres` (rule version 1) */
export const IMPOSSIBLE_TRAVEL = { maxKmPerHour: 120, minMetres: 20_000 } as const;

export const impossibleTravel: FraudRule = {
  id: 'impossible-travel',
  version: 1,
  title: { zh: '两次签到之间不可能完成的行程', en: 'Impossible travel between two check-ins' },
  detect({ checkIns, classes }: FraudFacts) {
    const findings: FraudFinding[] = [];
    for (const [workerId, unsorted] of groupBy(checkIns, (c) => c.workerId)) {
      const list = [...unsorted].sort(byTime);
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]];
        const [ca, cb] = [classes.get(a.classId), classes.get(b.classId)];
        if (!ca?.site || !cb?.site || a.classId === b.classId) continue;
        const metres = distanceMetres(ca.site, cb.site);
        const hours = (b.atMillis - a.atMillis) / 3_600_000;
        const kmPerHour = hours > 0 ? metres / 1000 / hours : Infinity;
        if (metres < IMPOSSIBLE_TRAVEL.minMetres || kmPerHour <= IMPOSSIBLE_TRAVEL.maxKmPerHour) continue;
        findings.push({
          ruleId: this.id,
          ruleVersion: this.version,
          key: `${workerId}:${a.checkInId}:${b.checkInId}`,
          jurisdictionCode: commonJurisdiction([ca.jurisdictionCode, cb.jurisdictionCode]),
          summary: {
            zh: `学员 ${workerId} 在 ${Math.round(hours * 60)} 分钟内于相距 ${Math.round(metres / 1000)} 公里的两地签到`,
            en: `worker ${workerId} checked in ${Math.round(metres / 1000)} km apart within ${Math.round(hours * 60)} min`,
          },
          figures: {
            distanceMetres: Math.round(metres),
            minutes: Math.round(hours * 60),
            kmPerHour: Number.isFinite(kmPerHour) ? Math.round(kmPerHour) : 'instant',
            maxKmPerHour: IMPOSSIBLE_TRAVEL.maxKmPerHour,
          },
          evidenceEventIds: [a.eventId, b.eventId],
          workerIds: [workerId],
          classIds: [a.classId, b.classId],
          deviceIds: sortedUnique([a.deviceId, b.deviceId]),
          institutionIds: sortedUnique([ca.institutionId, cb.institutionId]),
        });
      }
    }
    return findings;
  },
};
