/**
 * Check-in benchmark (issue 11). Run: `npm run bench:check-ins`. Last line: one JSON object.
 *
 * The gateway and class-ops run as in production (processes of their own, signed envelopes, a
 * nats-server of their own, PostgreSQL at DATABASE_URL in a fresh schema dropped at the end). The
 * registry's and the subsidy service's facts (an institution listed, its teachers and devices, the
 * workers, a policy version) are written into class-ops' local read models as its consumers would;
 * the classes are applied for and approved through the gateway; class-ops' clock is moved to the last
 * class day's evening, so every session's check-in window has passed (devices' times are earlier).
 * Then, through the gateway (HTTP, an institution's token):
 *
 *   checkInsPerSec             accepted check-ins per second, sustained, from BENCH_CONCURRENCY
 *                              clients sending RecordCheckIn back to back (1 in 10 refused: outside
 *                              the geofence)
 *   latencyP50Ms / P99Ms       RecordCheckIn at a fixed BENCH_RATE per second (open loop) for
 *                              BENCH_RATE_SECONDS
 *   batchUploadCheckInsPerSec  check-ins per second in offline batches of BENCH_BATCH (1 000),
 *                              BENCH_BATCH_CONCURRENCY at a time
 *   rawInsertPerSec            the same number of rows as the sustained phase, single-row INSERTs
 *                              into a plain table from 16 connections (autocommit), in the same run
 *   ratioToRaw                 checkInsPerSec ÷ rawInsertPerSec
 *   concurrencyFailures        requests answered with anything but 200, or a check-in refused for a
 *                              reason the bench did not cause (ALREADY_CHECKED_IN, …)
 *   cpuUsPerCheckIn            per phase (sustained, batches): CPU µs per check-in of the gateway, of
 *                              class-ops, of class-ops' PostgreSQL backends (its role's sessions) and of
 *                              this process (the clients), from /proc — steadier than rates on a shared
 *                              machine
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { shanghaiDate } from '@jineng/kernel';
import { devToken, setTestClock, startPlatform } from '@jineng/testing';
import { jsonClient } from '../http-client';
import { Pool } from 'pg';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CLASSES = env('BENCH_CLASSES', 200);
const TRAINEES = env('BENCH_TRAINEES', 50);
const DAYS = 10;
const CONCURRENCY = env('BENCH_CONCURRENCY', 64);
const SUSTAINED = env('BENCH_CHECK_INS', CLASSES * TRAINEES * 3);
const RATE = env('BENCH_RATE', 500);
const RATE_SECONDS = env('BENCH_RATE_SECONDS', 20);
const BATCH = env('BENCH_BATCH', 1000);
const BATCHES = env('BENCH_BATCHES', 30);
const BATCH_CONCURRENCY = env('BENCH_BATCH_CONCURRENCY', 4);
const RAW_CONNECTIONS = 16;
const DEVICES = Math.min(20, CLASSES);

const INSTITUTION_ID = '5b1f3c2e-8a4d-4c6b-9e1f-0a2b3c4d5e6f'; // the development issuer's institution
const SITE = { name: '实训基地', lat: 35.02, lng: 111.0, radiusMetres: 300 };
const OCCUPATION = '6-18-02-04';
const log = (message: string) => process.stderr.write(`${message}\n`);
/** user + system CPU µs of a process so far (Linux /proc; clock ticks of 10 ms) */
const cpuUsOf = (pid: number): number => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return 0; // ended, or not on this machine
  }
};
const uuidOf = (text: string) => {
  const h = createHash('sha1').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Reading = {
  deviceId: string;
  checkIn: {
    deviceEventId: string;
    classId: string;
    workerId: string;
    at: string;
    lat: number;
    lng: number;
    faceMatchScore: number;
  };
  refused: boolean;
};

async function main() {
  const schema = `bench_check_ins_${randomUUID().slice(0, 8)}`;
  const admin = new Pool({ connectionString: databaseUrl, max: RAW_CONNECTIONS + 2 });
  await admin.query(`create schema "${schema}"`);
  const clockFile = path.join(mkdtempSync(path.join(tmpdir(), 'bench-check-ins-')), 'clock.json');
  // BENCH_SERVICE_NODE_OPTIONS: NODE_OPTIONS of the gateway and class-ops (e.g. --perf-basic-prof for perf)
  const nodeOptions: Record<string, string> = process.env.BENCH_SERVICE_NODE_OPTIONS
    ? { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS }
    : {};
  const platform = await startPlatform(
    [
      {
        name: 'gateway',
        env: {
          JINENG_DEV_AUTH: 'enabled',
          LOG_LEVEL: 'error',
          // the gateway's limit over all routes together per user (600 a minute) would refuse the bench's
          // one device user after 600 requests
          JINENG_RATE_LIMIT_CALLER: '100000000/60',
          JINENG_RATE_LIMIT_ROUTES:
            'POST /api/v1/devices/:deviceId/check-ins=10000000/60,POST /api/v1/devices/:deviceId/check-in-batches=100000/60,POST /api/v1/classes=100000/60,POST /api/v1/classes/:classId/approval=100000/60',
          ...nodeOptions,
        },
      },
      {
        name: 'class-ops',
        env: { JINENG_SCHEMA: schema, JINENG_TEST_CLOCK_FILE: clockFile, LOG_LEVEL: 'error', ...nodeOptions },
      },
    ],
    {},
    // a shared machine can take longer than the usual minute to start a service
    env('BENCH_READY_TIMEOUT_MS', 60_000),
  );
  const gateway = platform.urls.gateway;
  /** CPU of the processes on the check-in path, per check-in of a phase */
  const cpuMeter = async () => {
    const backends = async () =>
      (
        await admin.query<{ pid: number }>('select pid from pg_stat_activity where usename = $1', [
          platform.databaseRoles['class-ops'],
        ])
      ).rows.map((r) => r.pid);
    const sample = async () => {
      const pg = new Map((await backends()).map((pid) => [pid, cpuUsOf(pid)]));
      const self = process.cpuUsage();
      return {
        gateway: cpuUsOf(platform.pids.gateway),
        classOps: cpuUsOf(platform.pids['class-ops']),
        pg,
        bench: self.user + self.system,
      };
    };
    const before = await sample();
    return async (checkIns: number) => {
      const after = await sample();
      let pg = 0;
      for (const [pid, us] of after.pg) pg += us - (before.pg.get(pid) ?? 0);
      const per = (us: number) => Math.round(us / checkIns);
      return {
        gateway: per(after.gateway - before.gateway),
        classOps: per(after.classOps - before.classOps),
        classOpsPostgres: per(pg),
        bench: per(after.bench - before.bench),
      };
    };
  };
  let result: Record<string, unknown> | undefined;
  const clients: { close(): void }[] = [];
  try {
    const S = `"${schema}"`;
    const tokens = {
      institution: await devToken(gateway, 'institution'),
      officer: await devToken(gateway, 'county_officer'),
    };
    // the devices and clerks: one keep-alive connection per client (bench/http-client.ts)
    const client = jsonClient(gateway, Math.max(CONCURRENCY, BATCH_CONCURRENCY));
    clients.push(client);
    const post = client.post;

    // ---- the other services' facts, as class-ops' consumers write them
    log(`seeding ${CLASSES * TRAINEES} workers, ${DEVICES} devices, a policy version`);
    const teacherIds = [1, 2, 3].map((n) => uuidOf(`teacher-${n}`));
    const deviceIds = Array.from({ length: DEVICES }, (_, n) => uuidOf(`device-${n}`));
    const workersOf = (c: number) => Array.from({ length: TRAINEES }, (_, t) => uuidOf(`worker-${c}-${t}`));
    await admin.query(
      `insert into ${S}.rm_institutions (institution_id, jurisdiction, type, credit_code, status, scope)
       values ($1, '140802', 'technical_school', '91140802MA0BENCH00', 'listed', $2)`,
      [INSTITUTION_ID, JSON.stringify([{ occupationCode: OCCUPATION, levels: [5, 4] }])],
    );
    await admin.query(`insert into ${S}.rm_teachers select unnest($1::uuid[]), $2`, [
      teacherIds,
      INSTITUTION_ID,
    ]);
    await admin.query(`insert into ${S}.rm_devices select unnest($1::uuid[]), $2, $3, 'active'`, [
      deviceIds,
      INSTITUTION_ID,
      SITE.name,
    ]);
    const allWorkers = Array.from({ length: CLASSES }, (_, c) => workersOf(c)).flat();
    await admin.query(
      `insert into ${S}.rm_workers
         select unnest($1::uuid[]), '140802', '140802', '140802', '1990-05-17', true, true, null`,
      [allWorkers],
    );
    await admin.query(
      `insert into ${S}.rm_policy_versions values ($1, '140800', '2000-01-01', null, $2, $3)`,
      [
        uuidOf('policy'),
        new Date(0).toISOString(),
        JSON.stringify({
          classOpening: {
            maxClassSize: 50,
            minFaceMatchScore: 0.8,
            geofenceRadiusMetres: 500,
            minOpeningDayPresenceShare: 0,
          },
        }),
      ],
    );

    // ---- classes applied for and approved through the gateway, starting tomorrow
    const start = addDays(shanghaiDate(new Date()), 1);
    const end = addDays(start, DAYS - 1);
    const classIds = Array.from({ length: CLASSES }, (_, c) => uuidOf(`class-${c}-${schema}`));
    log(`applying for and approving ${CLASSES} classes of ${TRAINEES} (${start} – ${end})`);
    await pool(8, classIds.length, async (c) => {
      const applied = await post(tokens.institution, '/api/v1/classes', {
        classId: classIds[c],
        institutionId: INSTITUTION_ID,
        occupationCode: OCCUPATION,
        level: 5,
        trainingType: 'employment_skills',
        startDate: start,
        endDate: end,
        totalHours: 80,
        theoryHours: 28,
        practicalHours: 52,
        lessonMinutes: 45,
        teachingPlanReference: 'bench.pdf',
        site: SITE,
        teacherIds,
        mode: 'commissioned',
        keyGroup: false,
        workerIds: workersOf(c),
        plannedHeadcount: TRAINEES,
        fundSource: 'employment_subsidy_fund',
      });
      if (applied.status !== 201)
        throw new Error(`class ${c}: ${applied.status} ${JSON.stringify(applied.body)}`);
      const approved = await post(tokens.officer, `/api/v1/classes/${classIds[c]}/approval`, {});
      if (approved.status !== 200)
        throw new Error(`approval ${c}: ${approved.status} ${JSON.stringify(approved.body)}`);
    });
    // every session window has passed: the devices send what they saw then
    setTestClock(clockFile, `${end}T20:00:00+08:00`);
    await new Promise((resolve) => setTimeout(resolve, 200));

    // ---- readings: per session, per class, per trainee; 1 in 10 outside the geofence (refused)
    const readings: Reading[] = [];
    for (let session = 1; session <= DAYS; session++)
      for (let t = 0; t < TRAINEES; t++)
        for (let c = 0; c < CLASSES; c++) {
          const n = readings.length;
          const refused = n % 10 === 9;
          readings.push({
            deviceId: deviceIds[c % DEVICES],
            refused,
            checkIn: {
              deviceEventId: `e-${session}-${c}-${t}-${refused ? 'x' : 'a'}`,
              classId: classIds[c],
              workerId: workersOf(c)[t],
              at: new Date(
                `${addDays(start, session - 1)}T08:${String(20 + (t % 30)).padStart(2, '0')}:00+08:00`,
              ).toISOString(),
              lat: SITE.lat + (refused ? 0.05 : 0.0005),
              lng: SITE.lng,
              faceMatchScore: 0.92,
            },
          });
        }
    let next = 0;
    const take = (count: number) => readings.slice(next, (next += count));
    let failures = 0;
    const judge = (reading: Reading, outcome: { outcome?: string; reasons?: string[] }) => {
      const expected = reading.refused ? 'rejected' : 'accepted';
      if (outcome.outcome !== expected) failures++;
    };
    const send = async (reading: Reading) => {
      const answer = await post(tokens.institution, `/api/v1/devices/${reading.deviceId}/check-ins`, {
        checkIn: reading.checkIn,
      });
      if (answer.status !== 200) failures++;
      else judge(reading, answer.body);
      return answer.status === 200 && answer.body.outcome === 'accepted' ? 1 : 0;
    };

    // ---- sustained, closed loop
    const sustained = take(Math.min(SUSTAINED, readings.length));
    log(`sustained: ${sustained.length} check-ins from ${CONCURRENCY} clients`);
    let accepted = 0;
    const sustainedCpu = await cpuMeter();
    const t0 = performance.now();
    await pool(CONCURRENCY, sustained.length, async (i) => {
      const one = await send(sustained[i]);
      accepted += one;
    });
    const sustainedSec = (performance.now() - t0) / 1000;
    const checkInsPerSec = accepted / sustainedSec;
    const sustainedCpuUs = await sustainedCpu(sustained.length);
    log(
      `  ${accepted} accepted in ${sustainedSec.toFixed(1)} s: ${checkInsPerSec.toFixed(0)}/s; CPU µs a check-in ${JSON.stringify(sustainedCpuUs)}`,
    );

    // ---- latency at a fixed rate, open loop
    const paced = take(Math.min(RATE * RATE_SECONDS, readings.length - next));
    log(`latency: ${paced.length} check-ins at ${RATE}/s`);
    const latencies: number[] = [];
    const t1 = performance.now();
    await Promise.all(
      paced.map(async (reading, i) => {
        const due = t1 + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const sent = performance.now();
        await send(reading);
        latencies.push(performance.now() - sent);
      }),
    );
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
    log(`  p50 ${percentile(50).toFixed(1)} ms, p99 ${percentile(99).toFixed(1)} ms`);

    // ---- offline batches
    const batches: Reading[][] = [];
    for (let b = 0; b < BATCHES && next < readings.length; b++) {
      const deviceId = deviceIds[b % DEVICES];
      const batch: Reading[] = [];
      while (batch.length < BATCH && next < readings.length) {
        const [reading] = take(1);
        batch.push({ ...reading, deviceId });
      }
      batches.push(batch);
    }
    const batched = batches.reduce((sum, b) => sum + b.length, 0);
    log(
      `batches: ${batches.length} of up to ${BATCH} (${batched} check-ins), ${BATCH_CONCURRENCY} at a time`,
    );
    const batchCpu = await cpuMeter();
    const t2 = performance.now();
    await pool(BATCH_CONCURRENCY, batches.length, async (b) => {
      const batch = batches[b];
      const answer = await post(tokens.institution, `/api/v1/devices/${batch[0].deviceId}/check-in-batches`, {
        checkIns: batch.map((r) => r.checkIn),
      });
      if (answer.status !== 200) {
        failures += batch.length;
        log(`  batch ${b}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return;
      }
      (answer.body.outcomes as { outcome: string }[]).forEach((outcome, i) => judge(batch[i], outcome));
    });
    const batchSec = (performance.now() - t2) / 1000;
    const batchUploadCheckInsPerSec = batched / batchSec;
    const batchCpuUs = await batchCpu(batched);
    log(
      `  ${batched} in ${batchSec.toFixed(1)} s: ${batchUploadCheckInsPerSec.toFixed(0)}/s; CPU µs a check-in ${JSON.stringify(batchCpuUs)}`,
    );

    // ---- the raw baseline: the same rows, single-row INSERTs from 16 connections
    await admin.query(`create table ${S}.raw_check_ins (
      check_in_id uuid primary key, device_id uuid not null, device_event_id text not null, class_id uuid not null,
      worker_id uuid not null, at timestamptz not null, lat double precision, lng double precision, face_match_score double precision)`);
    log(`raw baseline: ${sustained.length} single-row INSERTs from ${RAW_CONNECTIONS} connections`);
    const t3 = performance.now();
    await pool(RAW_CONNECTIONS, sustained.length, async (i) => {
      const { deviceId, checkIn: r } = sustained[i];
      await admin.query(`insert into ${S}.raw_check_ins values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, [
        uuidOf(`${deviceId}:${r.deviceEventId}`),
        deviceId,
        r.deviceEventId,
        r.classId,
        r.workerId,
        r.at,
        r.lat,
        r.lng,
        r.faceMatchScore,
      ]);
    });
    const rawInsertPerSec = sustained.length / ((performance.now() - t3) / 1000);
    log(`  ${rawInsertPerSec.toFixed(0)}/s`);

    result = {
      classes: CLASSES,
      traineesPerClass: TRAINEES,
      sustainedCheckIns: sustained.length,
      sustainedAccepted: accepted,
      concurrency: CONCURRENCY,
      checkInsPerSec: Math.round(checkInsPerSec),
      rawInsertPerSec: Math.round(rawInsertPerSec),
      ratioToRaw: Math.round((checkInsPerSec / rawInsertPerSec) * 1000) / 1000,
      latencyRate: RATE,
      latencySamples: latencies.length,
      latencyP50Ms: Math.round(percentile(50) * 10) / 10,
      latencyP99Ms: Math.round(percentile(99) * 10) / 10,
      batchSize: BATCH,
      batchCheckIns: batched,
      batchUploadCheckInsPerSec: Math.round(batchUploadCheckInsPerSec),
      concurrencyFailures: failures,
      cpuUsPerCheckIn: { sustained: sustainedCpuUs, batches: batchCpuUs },
    };
  } finally {
    for (const client of clients) client.close();
    await platform.stop();
    await admin.query(`drop schema "${schema}" cascade`).catch(() => undefined);
    await admin.end();
  }
  console.log(JSON.stringify(result));
}

/** Runs `work(0 … count − 1)` with at most `width` at a time. */
async function pool(width: number, count: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
