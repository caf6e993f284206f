// How check-ins come in, one or a device's offline batch (ADR 0008): each check-in is judged alone and
// starts a stream of its own (`check-in-<id>`, the id derived from the device and the device's event
// id), so fifty trainees checking in at once share no stream and no lock. Per chunk, one transaction:
// the check-ins recorded before are answered as they were (a re-sent batch changes nothing); the
// others are judged on the facts read in the transaction, their rows inserted — the unique index on
// (class, session, worker) among accepted check-ins settles a race with a concurrent request, the
// loser recorded as refused ALREADY_CHECKED_IN — and their events appended in one round trip
// (CommandRunner.startStreams).
import type { classOpsV1 } from '@jineng/contracts';
import type { CommandMetadata } from '@jineng/ddd';
import type { Principal } from '@jineng/messaging';
import { CommandRunner, PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
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

/** check-ins per transaction */
export const CHECK_IN_CHUNK = 500;

type Reading = classOpsV1.CheckInReading;
type Outcome = classOpsV1.CheckInOutcome;

@Injectable()
export class CheckInIntake {
  private readonly S: string;

  constructor(
    private readonly commands: CommandRunner,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = `"${config.schema}"`;
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
    const { rows } = await this.pool.query(
      `select d.institution_id, d.site_name, d.status, i.jurisdiction
         from ${this.S}.rm_devices d left join ${this.S}.rm_institutions i using (institution_id)
        where d.device_id = $1`,
      [deviceId],
    );
    const row = rows[0];
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

  async record(
    metadata: CommandMetadata,
    deviceId: string,
    device: CheckInDevice | undefined,
    readings: readonly Reading[],
  ): Promise<Outcome[]> {
    const { commandId: _c, now, requestDigest: _r, ...origin } = metadata;
    const outcomes: Outcome[] = [];
    for (let i = 0; i < readings.length; i += CHECK_IN_CHUNK)
      outcomes.push(
        ...(await this.chunk(origin, now, deviceId, device, readings.slice(i, i + CHECK_IN_CHUNK))),
      );
    return outcomes;
  }

  private async chunk(
    origin: Omit<CommandMetadata, 'commandId' | 'now' | 'requestDigest'>,
    receivedAt: string,
    deviceId: string,
    device: CheckInDevice | undefined,
    readings: readonly Reading[],
  ): Promise<Outcome[]> {
    const ids = readings.map((r) => checkInIdOf(deviceId, r.deviceEventId));
    const tx = await this.pool.connect();
    try {
      await tx.query('begin');
      const known = await this.known(tx, ids);
      const fresh = new Map<string, { reading: Reading; data: RecordCheckIn['data'] }>();
      const facts = await this.facts(tx, readings);
      const taken = new Set(facts.accepted); // `class:worker:session` accepted so far, this chunk included
      readings.forEach((reading, i) => {
        if (known.has(ids[i]) || fresh.has(ids[i])) return; // recorded before, or twice in this batch
        const data = this.commandData(ids[i], receivedAt, deviceId, device, reading, facts, taken);
        const judged = judgeCheckIn(data);
        if (judged.reasons.length === 0)
          taken.add(`${reading.classId}:${reading.workerId}:${judged.sessionNo}`);
        fresh.set(ids[i], { reading, data });
      });
      const items = [...fresh.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      // rows first, in one order (no deadlock between concurrent chunks): the accepted ones that lose a
      // race for their (class, session, worker) to a concurrent request are refused ALREADY_CHECKED_IN
      const rows = items.map(([checkInId, { data }]) => ({ checkInId, data, judged: judgeCheckIn(data) }));
      const inserted = await this.insert(tx, rows, deviceId);
      for (const row of rows)
        if (!inserted.has(row.checkInId) && row.judged.reasons.length === 0) {
          row.data = {
            ...row.data,
            checkedInSessions: [...row.data.checkedInSessions, row.judged.sessionNo!],
          };
          row.judged = judgeCheckIn(row.data);
          const again = await this.insert(tx, [row], deviceId);
          if (!again.has(row.checkInId)) throw new Error(`check-in ${row.checkInId} recorded concurrently`);
        }
      const started = await this.commands.startStreams(
        tx,
        origin,
        checkInDecider,
        rows.map(({ checkInId, data }) => ({
          streamId: checkInStreamId(checkInId),
          commandId: checkInId,
          command: { type: 'RecordCheckIn' as const, data },
        })),
      );
      const conflict = started.find((s) => s.status === 'conflict');
      if (conflict) throw new Error(`${conflict.streamId} holds another check-in`);
      await tx.query('commit');
      const decided = new Map(rows.map((r) => [r.checkInId, r.judged]));
      return readings.map((reading, i): Outcome => {
        const first = known.get(ids[i]);
        if (first) return { ...first, deviceEventId: reading.deviceEventId, idempotent: true };
        const judged = decided.get(ids[i])!;
        return {
          checkInId: ids[i],
          deviceEventId: reading.deviceEventId,
          outcome: judged.reasons.length === 0 ? 'accepted' : 'rejected',
          ...(judged.reasons.length > 0 ? { reasons: judged.reasons } : {}),
          ...(judged.sessionNo ? { sessionNo: judged.sessionNo } : {}),
          idempotent: readings.findIndex((r) => r.deviceEventId === reading.deviceEventId) !== i,
        };
      });
    } catch (error) {
      await tx.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }

  private async known(
    tx: PoolClient,
    ids: readonly string[],
  ): Promise<Map<string, Omit<Outcome, 'deviceEventId' | 'idempotent'>>> {
    const { rows } = await tx.query(
      `select check_in_id, accepted, reasons, session_no from ${this.S}.check_ins where check_in_id = any($1::uuid[])`,
      [ids],
    );
    return new Map(
      rows.map((r) => [
        r.check_in_id,
        {
          checkInId: r.check_in_id,
          outcome: r.accepted ? ('accepted' as const) : ('rejected' as const),
          ...(r.accepted ? {} : { reasons: r.reasons }),
          ...(r.session_no ? { sessionNo: r.session_no } : {}),
        },
      ]),
    );
  }

  private async facts(tx: PoolClient, readings: readonly Reading[]) {
    const S = this.S;
    const classIds = [...new Set(readings.map((r) => r.classId))];
    const workerIds = [...new Set(readings.map((r) => r.workerId))];
    const [classes, roster, accepted] = await Promise.all([
      tx.query(`select * from ${S}.classes where class_id = any($1::uuid[])`, [classIds]),
      tx.query(
        `select class_id, worker_id from ${S}.class_trainees where class_id = any($1::uuid[]) and worker_id = any($2::uuid[])`,
        [classIds, workerIds],
      ),
      tx.query(
        `select class_id, worker_id, session_no from ${S}.check_ins
          where accepted and class_id = any($1::uuid[]) and worker_id = any($2::uuid[])`,
        [classIds, workerIds],
      ),
    ]);
    return {
      classes: new Map<string, CheckInClass>(
        classes.rows.map((c) => [
          c.class_id,
          {
            classId: c.class_id,
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
      roster: new Set(roster.rows.map((r) => `${r.class_id}:${r.worker_id}`)),
      accepted: accepted.rows.map((r) => `${r.class_id}:${r.worker_id}:${r.session_no}`),
    };
  }

  private commandData(
    checkInId: string,
    receivedAt: string,
    deviceId: string,
    device: CheckInDevice | undefined,
    r: Reading,
    facts: Awaited<ReturnType<CheckInIntake['facts']>>,
    taken: ReadonlySet<string>,
  ): RecordCheckIn['data'] {
    const cls = facts.classes.get(r.classId);
    const prefix = `${r.classId}:${r.workerId}:`;
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
      checkedInSessions: [...taken]
        .filter((k) => k.startsWith(prefix))
        .map((k) => Number(k.slice(prefix.length))),
    };
  }

  /** Inserts the rows; answers the ids that went in (a taken slot or id leaves its row out). */
  private async insert(
    tx: PoolClient,
    rows: readonly {
      checkInId: string;
      data: RecordCheckIn['data'];
      judged: ReturnType<typeof judgeCheckIn>;
    }[],
    deviceId: string,
  ): Promise<Set<string>> {
    if (rows.length === 0) return new Set();
    const { rows: inserted } = await tx.query<{ check_in_id: string }>(
      `insert into ${this.S}.check_ins
         select * from unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::uuid[],
                              $7::timestamptz[], $8::boolean[], $9::int[], $10::json[], $11::timestamptz[])
       on conflict do nothing
       returning check_in_id`,
      [
        rows.map((r) => r.checkInId),
        rows.map(() => deviceId),
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
    );
    return new Set(inserted.map((r) => r.check_in_id));
  }
}
