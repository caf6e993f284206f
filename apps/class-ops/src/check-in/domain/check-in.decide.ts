// A check-in (签到, DOMAIN §3) is accepted only from a device registered to the class's institution and
// site and not revoked, inside the geofence, inside a session window, for a worker on the roster, at or
// above the policy's face-match minimum, once per worker and session; otherwise it is recorded as
// refused with every reason (investigators need the attempts). Each check-in starts a stream of its
// own (ADR 0008): the decision is made on the facts the handler read, never on another stream.
import type { Command, Decider } from '@jineng/ddd';
import type { CheckInEvent } from './check-in.events';
import { distanceMetres, sessionAt, type SessionPlan } from './sessions';

export const CHECK_IN_REASONS = [
  'CHECK_IN.DEVICE_UNKNOWN',
  'CHECK_IN.DEVICE_REVOKED',
  'CHECK_IN.DEVICE_OF_ANOTHER_INSTITUTION',
  'CHECK_IN.DEVICE_AT_ANOTHER_SITE',
  'CHECK_IN.CLASS_UNKNOWN',
  'CHECK_IN.CLASS_NOT_RUNNING',
  'CHECK_IN.FROM_THE_FUTURE',
  'CHECK_IN.OUTSIDE_SESSION_WINDOW',
  'CHECK_IN.OUTSIDE_GEOFENCE',
  'CHECK_IN.NOT_ON_ROSTER',
  'CHECK_IN.FACE_MATCH_TOO_LOW',
  'CHECK_IN.ALREADY_CHECKED_IN',
] as const;
export type CheckInReason = (typeof CHECK_IN_REASONS)[number];

/** What the handler knows of the class a check-in names. */
export type CheckInClass = SessionPlan & {
  readonly classId: string;
  readonly institutionId: string;
  readonly status: string;
  readonly site: {
    readonly name: string;
    readonly lat: number;
    readonly lng: number;
    readonly radiusMetres: number;
  };
  /** from the policy in force at the start (not set: not applied) */
  readonly minFaceMatchScore?: number;
  /** the policy's largest geofence (not set: the class's own radius) */
  readonly maxGeofenceRadiusMetres?: number;
};

export type CheckInDevice = {
  readonly institutionId: string;
  readonly siteName: string;
  readonly status: string;
};

export type RecordCheckIn = Command<
  'RecordCheckIn',
  {
    readonly checkInId: string;
    readonly deviceId: string;
    readonly deviceEventId: string;
    readonly classId: string;
    readonly workerId: string;
    /** the device's time */
    readonly at: string;
    /** when the service received it (its clock) */
    readonly receivedAt: string;
    readonly lat: number;
    readonly lng: number;
    readonly faceMatchScore: number;
    readonly device?: CheckInDevice;
    readonly cls?: CheckInClass;
    readonly onRoster: boolean;
    /** sessions of this class the worker already has an accepted check-in for */
    readonly checkedInSessions: readonly number[];
  }
>;

/** How far ahead of the service's clock a device's clock may run. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Statuses in which a class takes check-ins (on the days of its sessions). */
const RUNNING = ['approved', 'running'];

export type CheckInJudgement = {
  readonly reasons: readonly CheckInReason[];
  readonly sessionNo?: number;
  /** the session's date (Asia/Shanghai) */
  readonly sessionDate?: string;
  readonly distance?: number;
};

/**
 * The check-in judged on its facts. The handler judges a chunk's check-ins to know which take a slot,
 * and the decider judges each again: the judgement of a command's data object is kept (a WeakMap: the
 * data is immutable, and dropped with it), so the rules run once.
 */
export function judgeCheckIn(d: RecordCheckIn['data']): CheckInJudgement {
  let judged = judgements.get(d);
  if (!judged) judgements.set(d, (judged = judgeAfresh(d)));
  return judged;
}

const judgements = new WeakMap<RecordCheckIn['data'], CheckInJudgement>();

function judgeAfresh(d: RecordCheckIn['data']): CheckInJudgement {
  const reasons: CheckInReason[] = [];
  const { device, cls } = d;
  if (!device) reasons.push('CHECK_IN.DEVICE_UNKNOWN');
  else if (device.status !== 'active') reasons.push('CHECK_IN.DEVICE_REVOKED');
  if (!cls) {
    reasons.push('CHECK_IN.CLASS_UNKNOWN');
    return { reasons };
  }
  if (device && device.institutionId !== cls.institutionId)
    reasons.push('CHECK_IN.DEVICE_OF_ANOTHER_INSTITUTION');
  else if (device && device.siteName !== cls.site.name) reasons.push('CHECK_IN.DEVICE_AT_ANOTHER_SITE');
  if (!RUNNING.includes(cls.status)) reasons.push('CHECK_IN.CLASS_NOT_RUNNING');
  // a device's time may run late (offline batches), never ahead of the service's clock
  if (Date.parse(d.at) > Date.parse(d.receivedAt) + CLOCK_SKEW_MS) reasons.push('CHECK_IN.FROM_THE_FUTURE');
  const session = sessionAt(cls, d.at);
  if (!session) reasons.push('CHECK_IN.OUTSIDE_SESSION_WINDOW');
  const radius = Math.min(cls.site.radiusMetres, cls.maxGeofenceRadiusMetres ?? Number.POSITIVE_INFINITY);
  const distance = distanceMetres(cls.site, d);
  if (distance > radius) reasons.push('CHECK_IN.OUTSIDE_GEOFENCE');
  if (!d.onRoster) reasons.push('CHECK_IN.NOT_ON_ROSTER');
  if (cls.minFaceMatchScore !== undefined && d.faceMatchScore < cls.minFaceMatchScore)
    reasons.push('CHECK_IN.FACE_MATCH_TOO_LOW');
  if (session && d.checkedInSessions.includes(session.sessionNo)) reasons.push('CHECK_IN.ALREADY_CHECKED_IN');
  return { reasons, sessionNo: session?.sessionNo, sessionDate: session?.date, distance };
}

export function decideCheckIn(command: RecordCheckIn): CheckInEvent[] {
  const d = command.data;
  const { reasons, sessionNo, sessionDate, distance } = judgeCheckIn(d);
  const base = {
    checkInId: d.checkInId,
    classId: d.classId,
    workerId: d.workerId,
    deviceId: d.deviceId,
    deviceEventId: d.deviceEventId,
  };
  if (reasons.length > 0)
    return [
      {
        type: 'CheckInRejected.v1',
        data: {
          ...base,
          at: d.at,
          lat: d.lat,
          lng: d.lng,
          faceMatchScore: d.faceMatchScore,
          reasons: [...reasons],
          ...(d.cls ? { institutionId: d.cls.institutionId } : {}),
          ...(sessionNo ? { sessionNo } : {}),
        },
      },
    ];
  return [
    {
      type: 'CheckInRecorded.v1',
      data: {
        ...base,
        sessionNo: sessionNo!,
        sessionDate: sessionDate!,
        at: d.at,
        distanceMetres: Math.round(distance!),
        faceMatchScore: d.faceMatchScore,
      },
    },
  ];
}

/** A check-in stream holds one decision; a check-in is never decided twice (its stream starts once). */
export const checkInDecider: Decider<RecordCheckIn, undefined, CheckInEvent> = {
  initialState: () => undefined,
  decide: (command) => decideCheckIn(command),
  evolve: (state) => state,
};
