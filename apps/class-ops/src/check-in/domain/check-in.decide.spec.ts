// Given / when / then for every check-in rule and its boundaries: the device (registered, active, the
// class's institution and site), the class (known, approved), the session window (opens 30 minutes
// before the daily start, closes at the session's end), the geofence (exactly the radius passes), the
// roster, the face-match minimum (exactly the minimum passes), once per worker and session.
import { decisionEvents } from '@jineng/ddd';
import { DeciderSpecification } from '@jineng/testing';
import { expectEventsMatchContracts, metadataAt } from '../../testing/class-ops.fixture';
import { checkInDecider, judgeCheckIn, type CheckInClass, type RecordCheckIn } from './check-in.decide';
import { checkInIdOf } from './check-in.events';
import { allSessions, distanceMetres, sessionAt } from './sessions';

const spec = DeciderSpecification.for(checkInDecider);
const deviceId = '66666666-6666-4666-8666-666666666666';
const classId = '11111111-1111-4111-8111-111111111111';
const workerId = '44444444-4444-4444-8444-000000000001';
const institutionId = '22222222-2222-4222-8222-222222222222';
const site = { name: '实训基地', lat: 35.0, lng: 111.0, radiusMetres: 200 };

const cls: CheckInClass = {
  classId,
  institutionId,
  status: 'approved',
  site,
  startDate: '2021-10-11',
  endDate: '2021-10-20',
  totalHours: 80, // 8 hours a day of 45-minute class hours: 360 minutes from 08:30
  lessonMinutes: 45,
  dailyStartTime: '08:30',
  minFaceMatchScore: 0.8,
};

/** `metres` north of the site */
const north = (metres: number) => ({ lat: site.lat + metres / 111_194.93, lng: site.lng });

const data = (overrides: Partial<RecordCheckIn['data']> = {}): RecordCheckIn['data'] => ({
  checkInId: checkInIdOf(deviceId, 'evt-1'),
  deviceId,
  deviceEventId: 'evt-1',
  classId,
  workerId,
  at: '2021-10-12T00:35:00.000Z', // 08:35 in Shanghai on day 2
  receivedAt: '2021-10-22T12:00:00.000Z', // an offline batch, sent after the last day
  ...north(10),
  faceMatchScore: 0.93,
  device: { institutionId, siteName: site.name, status: 'active' },
  cls,
  onRoster: true,
  checkedInSessions: [],
  ...overrides,
});
const checkIn = (overrides: Partial<RecordCheckIn['data']> = {}): RecordCheckIn => ({
  type: 'RecordCheckIn',
  data: data(overrides),
  metadata: metadataAt('2021-10-12T00:35:05.000Z'),
});
const reasonsOf = (overrides: Partial<RecordCheckIn['data']>) => {
  const [event] = decisionEvents(checkInDecider.decide(checkIn(overrides), undefined));
  return event.type === 'CheckInRecorded.v1' ? [] : [...event.data.reasons];
};

it('records a good check-in for its session, with the distance and the score', () => {
  const recorded = {
    type: 'CheckInRecorded.v1',
    data: {
      checkInId: checkInIdOf(deviceId, 'evt-1'),
      classId,
      workerId,
      deviceId,
      deviceEventId: 'evt-1',
      sessionNo: 2,
      sessionDate: '2021-10-12',
      at: '2021-10-12T00:35:00.000Z',
      distanceMetres: 10,
      faceMatchScore: 0.93,
    },
  } as const;
  spec.given().when(checkIn()).then(recorded);
  expectEventsMatchContracts([recorded]);
  expect(checkInIdOf(deviceId.toUpperCase(), 'evt-1')).toBe(checkInIdOf(deviceId, 'evt-1'));
  expect(checkInIdOf(deviceId, 'evt-2')).not.toBe(checkInIdOf(deviceId, 'evt-1'));
});

it('records a refused check-in with every reason, for investigators', () => {
  const rejected = {
    type: 'CheckInRejected.v1',
    data: {
      checkInId: checkInIdOf(deviceId, 'evt-1'),
      classId,
      workerId,
      deviceId,
      deviceEventId: 'evt-1',
      at: '2021-10-12T00:35:00.000Z',
      ...north(500),
      faceMatchScore: 0.5,
      reasons: [
        'CHECK_IN.DEVICE_AT_ANOTHER_SITE',
        'CHECK_IN.OUTSIDE_GEOFENCE',
        'CHECK_IN.NOT_ON_ROSTER',
        'CHECK_IN.FACE_MATCH_TOO_LOW',
      ],
      institutionId,
      sessionNo: 2,
    },
  } as const;
  spec
    .given()
    .when(
      checkIn({
        ...north(500),
        faceMatchScore: 0.5,
        onRoster: false,
        device: { institutionId, siteName: '另一个教学点', status: 'active' },
      }),
    )
    .then(rejected);
  expectEventsMatchContracts([rejected]);
});

it.each([
  ['an unknown device', { device: undefined }, ['CHECK_IN.DEVICE_UNKNOWN']],
  [
    'a revoked device',
    { device: { institutionId, siteName: site.name, status: 'revoked' } },
    ['CHECK_IN.DEVICE_REVOKED'],
  ],
  [
    "another institution's device",
    {
      device: {
        institutionId: '99999999-9999-4999-8999-999999999999',
        siteName: site.name,
        status: 'active',
      },
    },
    ['CHECK_IN.DEVICE_OF_ANOTHER_INSTITUTION'],
  ],
  ['an unknown class', { cls: undefined }, ['CHECK_IN.CLASS_UNKNOWN']],
  ['a class not approved', { cls: { ...cls, status: 'applied' } }, ['CHECK_IN.CLASS_NOT_RUNNING']],
  ['a cancelled class', { cls: { ...cls, status: 'cancelled' } }, ['CHECK_IN.CLASS_NOT_RUNNING']],
  ['a second check-in in the session', { checkedInSessions: [2] }, ['CHECK_IN.ALREADY_CHECKED_IN']],
  ['a check-in in another session than the one done', { checkedInSessions: [1] }, []],
] as const)('%s: %j', (_label, overrides, reasons) => {
  expect(reasonsOf(overrides as Partial<RecordCheckIn['data']>)).toEqual(reasons);
});

it.each([
  ['07:59:59 (window opens 08:00)', '2021-10-11T23:59:59.000Z', false],
  ['08:00', '2021-10-12T00:00:00.000Z', true],
  ['14:30, the session’s end (8 class hours of 45 minutes)', '2021-10-12T06:30:00.000Z', true],
  ['14:30:01', '2021-10-12T06:30:01.000Z', false],
  ['the day before the start', '2021-10-10T00:35:00.000Z', false],
  ['the last day', '2021-10-20T00:35:00.000Z', true],
  ['the day after the end', '2021-10-21T00:35:00.000Z', false],
])('the session window at %s: inside %s', (_label, at, inside) => {
  expect(reasonsOf({ at })).toEqual(inside ? [] : ['CHECK_IN.OUTSIDE_SESSION_WINDOW']);
});

it('refuses a device time more than five minutes ahead of the service’s clock', () => {
  const receivedAt = '2021-10-12T00:30:00.000Z';
  expect(reasonsOf({ receivedAt, at: '2021-10-12T00:35:00.000Z' })).toEqual([]);
  expect(reasonsOf({ receivedAt, at: '2021-10-12T00:35:01.000Z' })).toEqual(['CHECK_IN.FROM_THE_FUTURE']);
});

it('takes the geofence radius exactly, and the policy’s smaller one when it sets one', () => {
  expect(reasonsOf(north(199.5))).toEqual([]);
  expect(reasonsOf(north(201))).toEqual(['CHECK_IN.OUTSIDE_GEOFENCE']);
  expect(reasonsOf({ ...north(150), cls: { ...cls, maxGeofenceRadiusMetres: 100 } })).toEqual([
    'CHECK_IN.OUTSIDE_GEOFENCE',
  ]);
  expect(Math.round(distanceMetres(site, north(1000)))).toBe(1000);
});

it('takes the face-match minimum exactly; no minimum in the policy, no such rule', () => {
  expect(reasonsOf({ faceMatchScore: 0.8 })).toEqual([]);
  expect(reasonsOf({ faceMatchScore: 0.79 })).toEqual(['CHECK_IN.FACE_MATCH_TOO_LOW']);
  const { minFaceMatchScore: _m, ...noMinimum } = cls;
  expect(reasonsOf({ faceMatchScore: 0.1, cls: noMinimum })).toEqual([]);
});

it('derives one session a day from the plan', () => {
  const sessions = allSessions(cls);
  expect(sessions).toHaveLength(10);
  expect(sessions[0]).toEqual({
    sessionNo: 1,
    date: '2021-10-11',
    startsAt: '2021-10-11T00:30:00.000Z',
    endsAt: '2021-10-11T06:30:00.000Z',
    opensAt: '2021-10-11T00:00:00.000Z',
  });
  expect(sessionAt(cls, '2021-10-11T12:00:00.000Z')).toBeUndefined();
});

it('judges a command’s data once, and new data (a slot taken meanwhile) afresh', () => {
  const first = data();
  expect(judgeCheckIn(first)).toBe(judgeCheckIn(first)); // the handler's judgement is the decider's
  expect(judgeCheckIn(first)).toMatchObject({ reasons: [], sessionNo: 2, sessionDate: '2021-10-12' });
  const lost = { ...first, checkedInSessions: [2] };
  expect(judgeCheckIn(lost).reasons).toEqual(['CHECK_IN.ALREADY_CHECKED_IN']);
});

it('keeps each plan’s session windows apart, and a plan’s windows for every check-in of it', () => {
  const later = { ...cls, dailyStartTime: '14:00' };
  // 08:35 in Shanghai on day 2: inside the morning plan's window, before the afternoon one opens
  expect(sessionAt(cls, '2021-10-12T00:35:00.000Z')?.sessionNo).toBe(2);
  expect(sessionAt(later, '2021-10-12T00:35:00.000Z')).toBeUndefined();
  expect(sessionAt(later, '2021-10-12T05:35:00.000Z')?.sessionNo).toBe(2);
  // the window's edges are the same on the second look at a date as on the first
  expect(sessionAt(cls, '2021-10-12T00:00:00.000Z')?.sessionNo).toBe(2);
  expect(sessionAt(cls, '2021-10-11T23:59:59.999Z')).toBeUndefined();
  expect(sessionAt(cls, '2021-10-12T06:30:00.000Z')?.sessionNo).toBe(2);
  expect(sessionAt(cls, '2021-10-12T06:30:00.001Z')).toBeUndefined();
});
