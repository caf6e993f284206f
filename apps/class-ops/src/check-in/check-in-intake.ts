// How check-ins come in, one or a device's offline batch (ADR 0008): each check-in is judged alone and
// starts a stream of its own (`check-in-<id>`, the id derived from the device and the device's event
// id), so fifty trainees checking in at once share no stream and no lock. Per chunk: the check-ins
// recorded before are answered as they were (a re-sent batch changes nothing); the others are judged on
// the facts read in one statement, and their rows and events written in one more: the rows' insert and
// the appends together (CommandRunner.startStreams with rows), all or nothing. The unique index on
// (class, session, worker) among accepted check-ins settles a race with a concurrent request: when a
// slot was taken meanwhile that statement writes nothing, and the chunk is written again in a
// transaction where the loser is judged again and recorded as refused ALREADY_CHECKED_IN. Concurrent
// single check-ins (RecordCheckIn) arriving within a few milliseconds are judged and recorded together
// as one chunk (RequestGrouper), each caller answered its own outcome; a chunk that fails as a whole is
// done again check-in by check-in, so one at fault fails alone. A device's batch goes in lanes of whole
// (class, worker) pairs (uploadLanes), the lanes at once, each chunk by chunk in the order sent.
import type { classOpsV1 } from '@jineng/contracts';
import { jsonDigest, type CommandMetadata } from '@jineng/ddd';
import type { Principal } from '@jineng/messaging';
import { inTransaction, RowsNotWrittenError } from '@jineng/event-store';
import {
  CommandRunner,
  PG_POOL,
  RequestGrouper,
  SERVICE_CONFIG,
  type ServiceConfig,
} from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { ClassAccessDenied } from '../shared/class-access';
import {
  checkInDecider,
  judgeCheckIn,
  type CheckInClass,
  type CheckInDevice,
  type RecordCheckIn,
} from './domain/check-in.decide';
import { checkInIdOf, checkInStreamId } from './domain/check-in.events';
import { uploadLanes } from './upload-lanes';

/** check-ins per transaction */
export const CHECK_IN_CHUNK = 500;
/**
 * single check-ins: chunks in flight at once, and how long a free one waits to gather more. Two, not
 * four: fewer lanes make bigger chunks under load, and a chunk's round trips are paid once for all its
 * check-ins (bench:check-ins, 2026-11-30, one run each: class-ops' PostgreSQL CPU 498 µs a check-in
 * with four lanes, 376 with two, 372 with one; runs of the same code differ by about 20 %).
 */
export const SINGLE_CHECK_IN_LANES = 2;
export const SINGLE_CHECK_IN_LINGER_MS = 2;
/** device look-ups (one per request) in flight at once; the others queue and go as one query */
export const DEVICE_LOOKUP_LANES = 2;

type Reading = classOpsV1.CheckInReading;
type Outcome = classOpsV1.CheckInOutcome;
type Origin = Omit<CommandMetadata, 'commandId' | 'now' | 'requestDigest'>;

/** One check-in to judge, with what its request says about it. */
interface Intake {
  readonly origin: Origin;
  readonly receivedAt: string;
  readonly deviceId: string;
  readonly device: CheckInDevice | undefined;
  readonly reading: Reading;
  readonly checkInId: string;
}

type Judged = ReturnType<typeof judgeCheckIn>;

/** A check-in of a chunk to record: its row and its command (judged again if it loses a race). */
interface Row {
  readonly checkInId: string;
  readonly item: Intake;
  data: RecordCheckIn['data'];
  judged: Judged;
}

/** A device as the registry told class-ops, with its institution's jurisdiction. */
interface DeviceRow {
  device_id: string;
  institution_id: string;
  site_name: string;
  status: string;
  jurisdiction: string | null;
}

/** A class's check-in facts as the one read answers them (JSON), with its place among the ids asked. */
interface ClassRow {
  at: number;
  institution_id: string;
  status: string;
  site: CheckInClass['site'];
  start_date: string;
  end_date: string;
  total_hours: number;
  lesson_minutes: number;
  daily_start_time: string;
  min_face_match_score: number | null;
  max_geofence_radius_metres: number | null;
}

@Injectable()
export class CheckInIntake {
  private readonly S: string;
  private readonly singles: RequestGrouper<Intake, Outcome>;
  private readonly devices: RequestGrouper<string, DeviceRow | undefined>;

  constructor(
    private readonly commands: CommandRunner,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = `"${config.schema}"`;
    this.singles = new RequestGrouper((items) => this.chunk(items), {
      maxInFlight: SINGLE_CHECK_IN_LANES,
      maxGroupSize: CHECK_IN_CHUNK,
      lingerMs: SINGLE_CHECK_IN_LINGER_MS,
    });
    // every RecordCheckIn looks its device up before it is grouped: concurrent look-ups share one query
    // (they were one round trip each, as many as the check-ins of a chunk)
    this.devices = new RequestGrouper((deviceIds) => this.lookUpDevices(deviceIds), {
      maxInFlight: DEVICE_LOOKUP_LANES,
      maxGroupSize: CHECK_IN_CHUNK,
    });
  }

  /** Only the device's own institution sends its check-ins (an unknown device's are recorded as refused). */
  async authorize(
    principal: Principal,
    deviceId: string,
  ): Promise<{ device?: CheckInDevice; jurisdiction: string }> {
    if (!principal.roles.includes('institution') || !principal.institutionId)
      throw new ClassAccessDenied({
        reason: 'check-ins come from an institution’s devices',
        roles: [...principal.roles],
      });
    const row = await this.devices.submit(deviceId);
    if (row && row.institution_id.toLowerCase() !== principal.institutionId.toLowerCase())
      throw new ClassAccessDenied({
        reason: `device ${deviceId} belongs to another institution`,
        roles: [...principal.roles],
      });
    return {
      ...(row
        ? { device: { institutionId: row.institution_id, siteName: row.site_name, status: row.status } }
        : {}),
      jurisdiction: row?.jurisdiction ?? principal.jurisdiction,
    };
  }

  /** The devices named, in the order asked (undefined: a device the registry has not told of). */
  private async lookUpDevices(deviceIds: readonly string[]): Promise<(DeviceRow | undefined)[]> {
    const { rows } = await this.pool.query<DeviceRow>(
      `select d.device_id, d.institution_id, d.site_name, d.status, i.jurisdiction
         from ${this.S}.rm_devices d left join ${this.S}.rm_institutions i using (institution_id)
        where d.device_id = any($1::uuid[])`,
      [[...new Set(deviceIds)]],
    );
    const byId = new Map(rows.map((row) => [row.device_id.toLowerCase(), row]));
    return deviceIds.map((id) => byId.get(id.toLowerCase()));
  }

  /** One check-in sent online: grouped with the others arriving at the same moment. */
  recordOne(
    metadata: CommandMetadata,
    deviceId: string,
    device: CheckInDevice | undefined,
    reading: Reading,
  ): Promise<Outcome> {
    return this.singles.submit(this.intakeOf(metadata, deviceId, device, reading));
  }

  /**
   * A device's batch, in lanes that run at once (`uploadLanes`): each lane holds whole (class, worker)
   * pairs and goes chunk by chunk in the order sent, so the first reading of a worker's session in the
   * batch is the one accepted, whichever lane finishes first; a reading sent twice in the batch is
   * judged once, at its first place, and answered that outcome at the others (idempotent).
   */
  async record(
    metadata: CommandMetadata,
    deviceId: string,
    device: CheckInDevice | undefined,
    readings: readonly Reading[],
  ): Promise<Outcome[]> {
    const items = readings.map((reading) => this.intakeOf(metadata, deviceId, device, reading));
    const { lanes, firstOf } = uploadLanes(items, CHECK_IN_CHUNK);
    const outcomes = new Array<Outcome>(items.length);
    // every lane ends before the answer (one that fails answers the error once the others are done)
    const settled = await Promise.allSettled(
      lanes.map(async (lane) => {
        for (let i = 0; i < lane.length; i += CHECK_IN_CHUNK) {
          const places = lane.slice(i, i + CHECK_IN_CHUNK);
          const answered = await this.chunk(places.map((place) => items[place]));
          places.forEach((place, j) => (outcomes[place] = answered[j]));
        }
      }),
    );
    for (const lane of settled) if (lane.status === 'rejected') throw lane.reason;
    return items.map((item, i) => {
      const first = firstOf.get(item.checkInId)!;
      return first === i ? outcomes[i] : { ...outcomes[first], idempotent: true };
    });
  }

  private intakeOf(
    metadata: CommandMetadata,
    deviceId: string,
    device: CheckInDevice | undefined,
    reading: Reading,
  ): Intake {
    const { commandId: _c, now, requestDigest: _r, ...origin } = metadata;
    return {
      origin,
      receivedAt: now,
      deviceId,
      device,
      reading,
      checkInId: checkInIdOf(deviceId, reading.deviceEventId),
    };
  }

  private async chunk(items: readonly Intake[]): Promise<Outcome[]> {
    const ids = items.map((item) => item.checkInId);
    // one read of all it needs (outside the transaction: it takes no lock, and a concurrent request
    // recording the same check-in or slot meanwhile is settled by the inserts below)
    const facts = await this.facts(items);
    const { known } = facts;
    const accepted = new Map<string, number[]>(); // `class:worker` → sessions accepted, this chunk included
    for (const [key, session] of facts.accepted) {
      const sessions = accepted.get(key);
      if (sessions) sessions.push(session);
      else accepted.set(key, [session]);
    }
    const fresh = new Map<string, { item: Intake; data: RecordCheckIn['data']; judged: Judged }>();
    items.forEach((item, i) => {
      if (known.has(ids[i]) || fresh.has(ids[i])) return; // recorded before, or twice in this chunk
      const data = this.commandData(item, facts, accepted);
      const judged = judgeCheckIn(data);
      if (judged.reasons.length === 0) {
        const key = `${item.reading.classId}:${item.reading.workerId}`;
        const sessions = accepted.get(key);
        if (sessions) sessions.push(judged.sessionNo!);
        else accepted.set(key, [judged.sessionNo!]);
      }
      fresh.set(ids[i], { item, data, judged });
    });
    const rows = [...fresh.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([checkInId, row]) => ({ checkInId, ...row }));
    if (rows.length > 0) await this.write(rows);
    const decided = new Map(rows.map((r) => [r.checkInId, r.judged]));
    const firstIndex = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!firstIndex.has(id)) firstIndex.set(id, i);
    });
    return items.map(({ reading }, i): Outcome => {
      const first = known.get(ids[i]);
      if (first) return { ...first, deviceEventId: reading.deviceEventId, idempotent: true };
      const judged = decided.get(ids[i])!;
      return {
        checkInId: ids[i],
        deviceEventId: reading.deviceEventId,
        outcome: judged.reasons.length === 0 ? 'accepted' : 'rejected',
        ...(judged.reasons.length > 0 ? { reasons: judged.reasons } : {}),
        ...(judged.sessionNo ? { sessionNo: judged.sessionNo } : {}),
        idempotent: firstIndex.get(ids[i]) !== i,
      };
    });
  }

  /**
   * In one statement: the check-ins recorded before (answered as they were), the classes named, their
   * roster entries and the accepted check-ins of the workers named. Every lookup is a probe of a key per
   * id or pair (a lateral subquery with a limit or offset is never turned into a join): the planner
   * chose whole-table scans for the `= any(500 ids)` form as soon as `check_ins` outgrew a few hundred
   * pages, so a chunk's read grew with every check-in ever recorded (bench:check-ins, ADR 0008). A class,
   * a roster entry or an accepted session is answered by the place of its id or pair in the arrays
   * sent, not by its ids again: the ids written out as text were most of the read (500 pairs with
   * 1 500 accepted sessions: 4.7 ms with the ids, 1.7 with the places), and the answer is keyed by the
   * ids as the device sent them.
   */
  private async facts(items: readonly Intake[]) {
    const S = this.S;
    const classIds = [...new Set(items.map((i) => i.reading.classId))];
    // the (class, worker) pairs named, each once: roster and accepted check-ins are looked up by pair
    const pairs = new Map(items.map(({ reading: r }) => [`${r.classId}:${r.workerId}`, r] as const));
    const pairKeys = [...pairs.keys()];
    const pairClassIds = [...pairs.values()].map((r) => r.classId);
    const pairWorkerIds = [...pairs.values()].map((r) => r.workerId);
    const { rows } = await this.pool.query<{
      known: { check_in_id: string; accepted: boolean; reasons: string[]; session_no: number | null }[];
      classes: ClassRow[];
      /** the places (from 1) of the pairs on their class's roster */
      roster: number[];
      /** [the pair's place, a session it has an accepted check-in for] */
      accepted: [number, number][];
    }>(
      `select
         (select coalesce(json_agg(json_build_object('check_in_id', k.check_in_id, 'accepted', k.accepted,
                   'reasons', k.reasons, 'session_no', k.session_no)), '[]')
            from unnest($1::uuid[]) u (check_in_id)
            cross join lateral (select k.check_in_id, k.accepted, k.reasons, k.session_no
                                  from ${S}.check_ins k where k.check_in_id = u.check_in_id limit 1) k) as known,
         (select coalesce(json_agg(json_build_object('at', u.at, 'institution_id', c.institution_id,
                   'status', c.status, 'site', c.site, 'start_date', c.start_date, 'end_date', c.end_date,
                   'total_hours', c.total_hours, 'lesson_minutes', c.lesson_minutes,
                   'daily_start_time', c.daily_start_time, 'min_face_match_score', c.min_face_match_score,
                   'max_geofence_radius_metres', c.max_geofence_radius_metres)), '[]')
            from unnest($2::uuid[]) with ordinality u (class_id, at)
            cross join lateral (select c.* from ${S}.classes c where c.class_id = u.class_id limit 1) c) as classes,
         (select coalesce(json_agg(p.at), '[]')
            from unnest($3::uuid[], $4::uuid[]) with ordinality p (class_id, worker_id, at)
            cross join lateral (select from ${S}.class_trainees t
                                 where t.class_id = p.class_id and t.worker_id = p.worker_id limit 1) t) as roster,
         (select coalesce(json_agg(json_build_array(p.at, a.session_no)), '[]')
            from unnest($3::uuid[], $4::uuid[]) with ordinality p (class_id, worker_id, at)
            cross join lateral (select a.session_no from ${S}.check_ins a
                                 where a.class_id = p.class_id and a.worker_id = p.worker_id and a.accepted
                                offset 0) a) as accepted`,
      [ids(items), classIds, pairClassIds, pairWorkerIds],
    );
    const { known, classes, roster, accepted } = rows[0];
    return {
      known: new Map<string, Omit<Outcome, 'deviceEventId' | 'idempotent'>>(
        known.map((r) => [
          r.check_in_id,
          {
            checkInId: r.check_in_id,
            outcome: r.accepted ? ('accepted' as const) : ('rejected' as const),
            ...(r.accepted ? {} : { reasons: r.reasons }),
            ...(r.session_no ? { sessionNo: r.session_no } : {}),
          },
        ]),
      ),
      classes: new Map<string, CheckInClass>(
        classes.map((c) => [
          classIds[c.at - 1],
          {
            classId: classIds[c.at - 1],
            institutionId: c.institution_id,
            status: c.status,
            site: c.site,
            startDate: c.start_date,
            endDate: c.end_date,
            totalHours: c.total_hours,
            lessonMinutes: c.lesson_minutes,
            dailyStartTime: c.daily_start_time,
            ...(c.min_face_match_score === null ? {} : { minFaceMatchScore: c.min_face_match_score }),
            ...(c.max_geofence_radius_metres === null
              ? {}
              : { maxGeofenceRadiusMetres: c.max_geofence_radius_metres }),
          },
        ]),
      ),
      roster: new Set(roster.map((at) => pairKeys[at - 1])),
      accepted: accepted.map(([at, session]) => [pairKeys[at - 1], session] as const),
    };
  }

  /**
   * The rows and their events. First in one statement (the rows and the appends together, all or
   * nothing: one round trip); when a row's slot was taken meanwhile by a concurrent request, nothing
   * was written and the chunk goes the careful way, in a transaction.
   */
  private async write(rows: Row[]): Promise<void> {
    try {
      const started = await this.commands.startStreams(
        undefined,
        rows[0].item.origin,
        checkInDecider,
        this.commandsOf(rows),
        {
          // a plain insert: a key taken meanwhile raises, and nothing is written (RowsNotWrittenError)
          rows: { ...this.insertStatement(rows, 'raise'), expectedRows: rows.length },
        },
      );
      // a check-in stream exists only with its row, whose insert would have failed above
      const conflict = started.find((s) => s.status === 'conflict');
      if (conflict) throw new Error(`${conflict.streamId} holds another check-in`);
    } catch (error) {
      if (!(error instanceof RowsNotWrittenError)) throw error;
      await this.writeCarefully(rows);
    }
  }

  /**
   * The rows one statement after another in a transaction: the accepted ones that lost a race for their
   * (class, session, worker) to a concurrent request are judged again and refused ALREADY_CHECKED_IN.
   */
  private async writeCarefully(rows: Row[]): Promise<void> {
    await inTransaction(this.pool, async (tx) => {
      // rows first, in one order (no deadlock between concurrent chunks)
      const inserted = await this.insert(tx, rows);
      for (const row of rows)
        if (!inserted.has(row.checkInId) && row.judged.reasons.length === 0) {
          row.data = {
            ...row.data,
            checkedInSessions: [...row.data.checkedInSessions, row.judged.sessionNo!],
          };
          row.judged = judgeCheckIn(row.data);
          const again = await this.insert(tx, [row]);
          if (!again.has(row.checkInId)) throw new Error(`check-in ${row.checkInId} recorded concurrently`);
        }
      const started = await this.commands.startStreams(
        tx,
        rows[0].item.origin,
        checkInDecider,
        this.commandsOf(rows),
      );
      const conflict = started.find((s) => s.status === 'conflict');
      if (conflict) throw new Error(`${conflict.streamId} holds another check-in`);
    });
  }

  private commandsOf(rows: readonly Row[]) {
    return rows.map(({ checkInId, data, item }) => ({
      streamId: checkInStreamId(checkInId),
      commandId: checkInId,
      command: { type: 'RecordCheckIn' as const, data },
      origin: item.origin,
      // what the device sent; the command's data adds the class and device facts looked up here
      requestDigest: jsonDigest(item.reading),
    }));
  }

  private commandData(
    { checkInId, receivedAt, deviceId, device, reading: r }: Intake,
    facts: Awaited<ReturnType<CheckInIntake['facts']>>,
    accepted: ReadonlyMap<string, readonly number[]>,
  ): RecordCheckIn['data'] {
    const cls = facts.classes.get(r.classId);
    return {
      checkInId,
      deviceId,
      deviceEventId: r.deviceEventId,
      classId: r.classId,
      workerId: r.workerId,
      at: new Date(r.at).toISOString(),
      receivedAt,
      lat: r.lat,
      lng: r.lng,
      faceMatchScore: r.faceMatchScore,
      ...(device ? { device } : {}),
      ...(cls ? { cls } : {}),
      onRoster: facts.roster.has(`${r.classId}:${r.workerId}`),
      checkedInSessions: [...(accepted.get(`${r.classId}:${r.workerId}`) ?? [])],
    };
  }

  /** Inserts the rows; answers the ids that went in (a taken slot or id leaves its row out). */
  private async insert(tx: PoolClient, rows: readonly Row[]): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const { text, values } = this.insertStatement(rows, 'skip');
    const { rows: inserted } = await tx.query<{ check_in_id: string }>(text, values);
    return new Set(inserted.map((r) => r.check_in_id));
  }

  /**
   * The rows' insert, answering the ids that went in. A taken slot or id leaves its row out ('skip'),
   * or fails the statement ('raise': no speculative insertion per row, about a third of the insert's
   * cost, for the first try, where a taken key is a race lost and the chunk goes the careful way).
   */
  private insertStatement(
    rows: readonly Row[],
    takenKey: 'skip' | 'raise',
  ): { text: string; values: unknown[] } {
    return {
      text: `insert into ${this.S}.check_ins
         select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[],
                              $7::timestamptz[], $8::boolean[], $9::int[], $10::json[], $11::timestamptz[])
       ${takenKey === 'skip' ? 'on conflict do nothing' : ''}
       returning check_in_id`,
      values: [
        rows.map((r) => r.checkInId),
        rows.map((r) => r.item.deviceId),
        rows.map((r) => r.data.deviceEventId),
        rows.map((r) => r.data.classId),
        rows.map((r) => r.data.workerId),
        rows.map((r) => r.data.cls?.institutionId ?? null),
        rows.map((r) => r.data.at),
        rows.map((r) => r.judged.reasons.length === 0),
        rows.map((r) => r.judged.sessionNo ?? null),
        rows.map((r) => JSON.stringify(r.judged.reasons)),
        rows.map(() => new Date().toISOString()),
      ],
    };
  }
}

const ids = (items: readonly Intake[]): string[] => items.map((i) => i.checkInId);
