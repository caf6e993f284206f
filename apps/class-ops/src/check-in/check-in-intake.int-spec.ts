// The check-in intake on the real PostgreSQL (ADR 0008): concurrent single check-ins are recorded as one
// chunk, each answered its own outcome with its own request's metadata; one at fault in a group fails
// alone; a re-sent one answers its first outcome; a race for one slot inside a group is settled as
// when the check-ins come one after the other.
import { randomUUID } from 'node:crypto';
import { jsonDigest, type CommandMetadata } from '@jineng/ddd';
import { migrate, PostgresEventStore } from '@jineng/event-store';
import { fixedClock } from '@jineng/kernel';
import { CommandRunner, serviceMigrations, type ServiceConfig } from '@jineng/service-runtime';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { classOpsMigrations } from '../persistence/class-ops.migrations';
import { CheckInIntake } from './check-in-intake';
import type { CheckInDevice } from './domain/check-in.decide';
import { checkInIdOf, checkInStreamId } from './domain/check-in.events';

const START = '2026-03-02';
/** the first session starts 08:30 in Shanghai (00:30Z); the service's clock is at 08:40 */
const NOW = '2026-03-02T00:40:00.000Z';
const AT = '2026-03-02T00:35:00.000Z';
const site = { name: '实训基地', lat: 35.02, lng: 111.0, radiusMetres: 200 };

let db: TestDatabase;
let store: PostgresEventStore;
let intake: CheckInIntake;
const institutionId = randomUUID();
const classId = randomUUID();
const deviceId = randomUUID();
const workers = Array.from({ length: 30 }, () => randomUUID());
const device: CheckInDevice = { institutionId, siteName: site.name, status: 'active' };

beforeAll(async () => {
  db = await connectTestDatabase('class_ops_check_in_intake');
  await migrate(db.pool, db.schema, serviceMigrations(classOpsMigrations));
  store = PostgresEventStore.open({ pool: db.pool, schema: db.schema });
  intake = new CheckInIntake(new CommandRunner(store, db.pool, fixedClock(NOW)), db.pool, {
    schema: db.schema,
  } as ServiceConfig);
  const S = `"${db.schema}"`;
  await db.pool.query(
    `insert into ${S}.classes (class_id, institution_id, jurisdiction, status, occupation_code, level,
       training_type, start_date, end_date, fund_source, planned_headcount, key_group, applied_at,
       updated_at, site, daily_start_time, total_hours, lesson_minutes, min_face_match_score)
     values ($1, $2, '140802', 'approved', '4-01-02-01', 5, 'employment', $3, '2026-03-11',
       'unemployment_insurance', 30, false, now(), now(), $4, '08:30', 80, 45, 0.8)`,
    [classId, institutionId, START, JSON.stringify(site)],
  );
  await db.pool.query(`insert into ${S}.class_trainees select $1, unnest($2::uuid[])`, [classId, workers]);
}, 60_000);
afterAll(async () => {
  await db?.dispose();
});

const metadataOf = (userId: string): CommandMetadata => ({
  commandId: randomUUID(),
  actor: { userId, roles: ['institution'], institutionId },
  jurisdiction: '140802',
  correlationId: randomUUID(),
  now: NOW,
  requestDigest: 'digest',
});
const reading = (deviceEventId: string, workerId: string, overrides: Record<string, unknown> = {}) => ({
  deviceEventId,
  classId,
  workerId,
  at: AT,
  lat: site.lat + 0.0001,
  lng: site.lng,
  faceMatchScore: 0.92,
  ...overrides,
});
const rows = async (sql: string, params: unknown[] = []) =>
  (await db.pool.query(sql.replaceAll('S.', `"${db.schema}".`), params)).rows;

it('records concurrent single check-ins in one chunk, each answered its own outcome and recorded with its own request', async () => {
  const sent = workers.slice(0, 20).map((workerId, i) => ({
    metadata: metadataOf(`device-user-${i}`),
    reading: reading(`grouped-${i}`, workerId, i === 7 ? { faceMatchScore: 0.5 } : {}),
  }));
  const outcomes = await Promise.all(
    sent.map(({ metadata, reading: r }) => intake.recordOne(metadata, deviceId, device, r)),
  );
  outcomes.forEach((outcome, i) =>
    expect(outcome).toEqual({
      checkInId: checkInIdOf(deviceId, `grouped-${i}`),
      deviceEventId: `grouped-${i}`,
      sessionNo: 1,
      idempotent: false,
      ...(i === 7
        ? { outcome: 'rejected', reasons: ['CHECK_IN.FACE_MATCH_TOO_LOW'] }
        : { outcome: 'accepted' }),
    }),
  );
  const events = await rows(
    `select stream_id, type, metadata, transaction_id::text as tx from S.events where stream_id = any($1)`,
    [outcomes.map((o) => checkInStreamId(o.checkInId))],
  );
  expect(events).toHaveLength(20);
  // grouped: far fewer transactions than check-ins
  expect(new Set(events.map((e) => e.tx)).size).toBeLessThanOrEqual(5);
  for (const [i, { metadata, reading: sentReading }] of sent.entries()) {
    const event = events.find((e) => e.stream_id === checkInStreamId(outcomes[i].checkInId))!;
    expect(event.type).toBe(i === 7 ? 'CheckInRejected.v1' : 'CheckInRecorded.v1');
    expect(event.metadata).toMatchObject({
      actor: metadata.actor,
      correlationId: metadata.correlationId,
      commandId: outcomes[i].checkInId,
      // the request is the reading as the device sent it, not the facts class-ops added to it
      requestDigest: jsonDigest(sentReading),
    });
  }
  expect(
    await rows(`select count(*)::int as n from S.check_ins where class_id = $1 and accepted`, [classId]),
  ).toEqual([{ n: 19 }]);
});

it('answers a re-sent check-in its first outcome, alone or twice at once, and records nothing more', async () => {
  const again = await Promise.all([
    intake.recordOne(metadataOf('again-1'), deviceId, device, reading('grouped-3', workers[3])),
    intake.recordOne(metadataOf('again-2'), deviceId, device, reading('grouped-7', workers[7])),
  ]);
  expect(again).toEqual([
    expect.objectContaining({ outcome: 'accepted', sessionNo: 1, idempotent: true }),
    expect.objectContaining({
      outcome: 'rejected',
      reasons: ['CHECK_IN.FACE_MATCH_TOO_LOW'],
      idempotent: true,
    }),
  ]);
  // a new reading sent twice at the same moment: recorded once, the second answered as the first
  const twice = await Promise.all(
    [1, 2].map((n) =>
      intake.recordOne(metadataOf(`twice-${n}`), deviceId, device, reading('twice', workers[20])),
    ),
  );
  expect(twice.map((o) => [o.outcome, o.checkInId, o.idempotent])).toEqual([
    ['accepted', checkInIdOf(deviceId, 'twice'), false],
    ['accepted', checkInIdOf(deviceId, 'twice'), true],
  ]);
  expect(
    await rows(`select count(*)::int as n from S.events where stream_id = $1`, [
      checkInStreamId(checkInIdOf(deviceId, 'twice')),
    ]),
  ).toEqual([{ n: 1 }]);
});

it('settles two readings of one worker and session arriving together: one accepted, the other ALREADY_CHECKED_IN', async () => {
  const both = await Promise.all(
    ['slot-a', 'slot-b'].map((id) =>
      intake.recordOne(metadataOf(id), deviceId, device, reading(id, workers[21])),
    ),
  );
  expect(both.map((o) => o.outcome).sort()).toEqual(['accepted', 'rejected']);
  expect(both.find((o) => o.outcome === 'rejected')!.reasons).toEqual(['CHECK_IN.ALREADY_CHECKED_IN']);
  expect(
    await rows(`select accepted from S.check_ins where worker_id = $1 order by accepted desc`, [workers[21]]),
  ).toEqual([{ accepted: true }, { accepted: false }]);
});

it('one check-in failing in a group fails alone: the others are recorded and answered', async () => {
  // the stream of one check-in already holds another decision (as if written by someone else)
  const broken = checkInIdOf(deviceId, 'broken');
  await store.appendToStream(
    checkInStreamId(broken),
    [{ id: randomUUID(), type: 'CheckInRejected.v1', data: { checkInId: broken }, metadata: {} }],
    { expectedVersion: 'no_stream' },
  );
  const settled = await Promise.allSettled(
    [22, 23, 24, 25].map((w) =>
      intake.recordOne(
        metadataOf(`w${w}`),
        deviceId,
        device,
        reading(w === 24 ? 'broken' : `fine-${w}`, workers[w]),
      ),
    ),
  );
  expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  expect((settled[2] as PromiseRejectedResult).reason.message).toContain('holds another check-in');
  for (const i of [0, 1, 3])
    expect((settled[i] as PromiseFulfilledResult<{ outcome: string }>).value.outcome).toBe('accepted');
  expect(
    await rows(`select worker_id from S.check_ins where worker_id = any($1) order by worker_id`, [
      [22, 23, 24, 25].map((w) => workers[w]),
    ]),
  ).toEqual(
    [22, 23, 25]
      .map((w) => workers[w])
      .sort()
      .map((workerId) => ({ worker_id: workerId })),
  );
});

it('a batch and single check-ins give the same outcomes as before: a batch re-sent changes nothing', async () => {
  const batch = [
    reading('batch-0', workers[26]),
    reading('batch-1', workers[26]),
    reading('batch-2', randomUUID()),
    reading('batch-0', workers[26]),
  ];
  const first = await intake.record(metadataOf('batch'), deviceId, device, batch);
  expect(first.map((o) => [o.outcome, o.reasons?.[0], o.idempotent])).toEqual([
    ['accepted', undefined, false],
    ['rejected', 'CHECK_IN.ALREADY_CHECKED_IN', false],
    ['rejected', 'CHECK_IN.NOT_ON_ROSTER', false],
    ['accepted', undefined, true],
  ]);
  const again = await intake.record(metadataOf('batch-again'), deviceId, device, batch);
  expect(again.map((o) => [o.checkInId, o.outcome, o.idempotent])).toEqual(
    first.map((o) => [o.checkInId, o.outcome, true]),
  );
});

it('looks up the devices of concurrent requests together, each answered its own device, jurisdiction or refusal', async () => {
  const S = `"${db.schema}"`;
  const otherInstitutionId = randomUUID();
  const [own, revoked, foreign, unknown] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await db.pool.query(
    `insert into ${S}.rm_institutions (institution_id, jurisdiction, type, credit_code, status, scope)
     values ($1, '140802', 'technical_school', '91140802MA0DEVICE1', 'listed', '[]')`,
    [institutionId],
  );
  await db.pool.query(
    `insert into ${S}.rm_devices values ($1, $4, '实训基地', 'active'), ($2, $4, '实训基地', 'revoked'),
       ($3, $5, '别处', 'active')`,
    [own, revoked, foreign, institutionId, otherInstitutionId],
  );
  const principal = {
    userId: 'institution-user',
    roles: ['institution' as const],
    jurisdiction: '140800',
    institutionId,
  };
  // count the look-ups: five requests at once, two lanes — two go alone, the three queued meanwhile as one
  const query = db.pool.query.bind(db.pool);
  let lookups = 0;
  const counting = (...args: Parameters<typeof query>) => {
    if (String(args[0]).includes('rm_devices')) lookups++;
    return query(...args);
  };
  db.pool.query = counting as typeof db.pool.query;
  const answers = await Promise.allSettled(
    [own, revoked, foreign, unknown, own.toUpperCase()].map((deviceId) =>
      intake.authorize(principal, deviceId),
    ),
  );
  expect(
    answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as { code: string }).code)),
  ).toEqual([
    { device: { institutionId, siteName: '实训基地', status: 'active' }, jurisdiction: '140802' },
    { device: { institutionId, siteName: '实训基地', status: 'revoked' }, jurisdiction: '140802' },
    'CLASS.ACCESS_DENIED',
    // a device the registry never told of: its check-ins are recorded as refused, in the user's jurisdiction
    { jurisdiction: '140800' },
    { device: { institutionId, siteName: '实训基地', status: 'active' }, jurisdiction: '140802' },
  ]);
  db.pool.query = query as typeof db.pool.query;
  expect(lookups).toBe(3);
});

it('settles a race between two batches for one slot, whichever way each chunk is written: one accepted, one ALREADY_CHECKED_IN', async () => {
  // each batch reads its facts before the other writes, so the second chunk's one-statement write finds
  // the slot taken, writes nothing, and is written again in a transaction, judged again
  for (const worker of [workers[27], workers[28], workers[29]]) {
    const [a, b] = await Promise.all(
      ['race-a', 'race-b'].map((id) =>
        intake.record(metadataOf(id), deviceId, device, [reading(`${id}-${worker}`, worker)]),
      ),
    );
    expect([a[0].outcome, b[0].outcome].sort()).toEqual(['accepted', 'rejected']);
    expect([...(a[0].reasons ?? []), ...(b[0].reasons ?? [])]).toEqual(['CHECK_IN.ALREADY_CHECKED_IN']);
    const recorded = await rows(`select e.type from S.events e where e.stream_id = any($1) order by e.type`, [
      [a[0].checkInId, b[0].checkInId].map(checkInStreamId),
    ]);
    expect(recorded).toEqual([{ type: 'CheckInRecorded.v1' }, { type: 'CheckInRejected.v1' }]);
    expect(
      await rows(`select accepted from S.check_ins where worker_id = $1 order by accepted desc`, [worker]),
    ).toEqual([{ accepted: true }, { accepted: false }]);
  }
});

it('writes a batch larger than a chunk in lanes and answers as one by one: the first reading of a session in the batch is the accepted one', async () => {
  const [first, second] = [randomUUID(), randomUUID()];
  await rows(`insert into S.class_trainees select $1, unnest($2::uuid[])`, [classId, [first, second]]);
  // 1 100 readings (three chunks in two lanes): workers not on the roster around two that are. The
  // first reading of a session comes after a chunk's worth of others, the second soon after it: lanes
  // cut by place would write the second first
  const batch = Array.from({ length: 1_100 }, (_, i) => reading(`lanes-${i}`, randomUUID()));
  batch[520] = reading('lanes-first-a', first);
  batch[10] = reading('lanes-second-a', second);
  batch[600] = reading('lanes-first-b', first); // the same session again, later in the batch
  batch[700] = reading('lanes-first-a', first); // the first reading sent twice
  batch[1_099] = reading('lanes-second-b', second);
  const outcomes = await intake.record(metadataOf('lanes'), deviceId, device, batch);
  expect(outcomes).toHaveLength(1_100);
  expect(outcomes.map((o) => o.deviceEventId)).toEqual(batch.map((r) => r.deviceEventId));
  const at = (i: number) => [outcomes[i].outcome, outcomes[i].reasons?.[0], outcomes[i].idempotent];
  expect([520, 10, 600, 700, 1_099].map(at)).toEqual([
    ['accepted', undefined, false],
    ['accepted', undefined, false],
    ['rejected', 'CHECK_IN.ALREADY_CHECKED_IN', false],
    ['accepted', undefined, true],
    ['rejected', 'CHECK_IN.ALREADY_CHECKED_IN', false],
  ]);
  expect(outcomes[700].checkInId).toBe(outcomes[520].checkInId);
  const others = outcomes.filter((_, i) => ![520, 10, 600, 700, 1_099].includes(i));
  expect(new Set(others.map((o) => `${o.outcome} ${o.reasons?.join()}`))).toEqual(
    new Set(['rejected CHECK_IN.NOT_ON_ROSTER']),
  );
  // one row and one stream a check-in id
  const ids = [...new Set(outcomes.map((o) => o.checkInId))];
  expect(ids).toHaveLength(1_099);
  expect(await rows(`select count(*)::int as n from S.check_ins where check_in_id = any($1)`, [ids])).toEqual(
    [{ n: 1_099 }],
  );
  expect(
    await rows(`select count(*)::int as n from S.events where stream_id = any($1)`, [
      ids.map(checkInStreamId),
    ]),
  ).toEqual([{ n: 1_099 }]);
  // re-sent: the same outcomes, nothing more recorded
  const again = await intake.record(metadataOf('lanes-again'), deviceId, device, batch);
  expect(again.map((o) => [o.checkInId, o.outcome, o.reasons, o.idempotent])).toEqual(
    outcomes.map((o) => [o.checkInId, o.outcome, o.reasons, true]),
  );
  expect(await rows(`select count(*)::int as n from S.check_ins where check_in_id = any($1)`, [ids])).toEqual(
    [{ n: 1_099 }],
  );
});

it('judges a reading whose ids come in capitals as the same reading in small letters (the contract takes either)', async () => {
  const worker = randomUUID();
  await rows(`insert into S.class_trainees values ($1, $2)`, [classId, worker]);
  const [upper] = await intake.record(metadataOf('capitals'), deviceId, device, [
    reading('capitals-1', worker.toUpperCase(), { classId: classId.toUpperCase() }),
  ]);
  expect([upper.outcome, upper.reasons]).toEqual(['accepted', undefined]);
  // the same worker and session in small letters, then in capitals again: the slot is taken
  const later = await intake.record(metadataOf('capitals-later'), deviceId, device, [
    reading('capitals-2', worker),
    reading('capitals-3', worker.toUpperCase(), { classId: classId.toUpperCase() }),
  ]);
  expect(later.map((o) => o.reasons)).toEqual([
    ['CHECK_IN.ALREADY_CHECKED_IN'],
    ['CHECK_IN.ALREADY_CHECKED_IN'],
  ]);
});

it('answers a batch whose lane fails with the error once the other lane has ended: nothing is written after the answer', async () => {
  const broken = checkInIdOf(deviceId, 'lanes-broken');
  await store.appendToStream(
    checkInStreamId(broken),
    [{ id: randomUUID(), type: 'CheckInRejected.v1', data: { checkInId: broken }, metadata: {} }],
    { expectedVersion: 'no_stream' },
  );
  // two lanes of 1 000: the first fails at its first chunk, the other goes on to its second
  const batch = Array.from({ length: 2_000 }, (_, i) => reading(`lanes-fail-${i}`, randomUUID()));
  batch[0] = reading('lanes-broken', randomUUID());
  const ids = batch.map((r) => checkInIdOf(deviceId, r.deviceEventId));
  const written = async () =>
    (await rows(`select count(*)::int as n from S.check_ins where check_in_id = any($1)`, [ids]))[0].n;
  await expect(intake.record(metadataOf('lanes-fail'), deviceId, device, batch)).rejects.toThrow(
    'holds another check-in',
  );
  const atAnswer = await written();
  expect(atAnswer).toBe(1_000); // the other lane, both its chunks
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await written()).toBe(atAnswer);
});
