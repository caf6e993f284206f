// class-ops' local read models on the real NATS and PostgreSQL: the registry's and the subsidy
// service's events become the rows the opening rules read; a restart of the consumers and of NATS, and
// events published again, lose nothing and apply nothing twice. Likewise certification's certificates
// and the fund ledger's earmarks.
import { randomUUID } from 'node:crypto';
import { migrate } from '@jineng/event-store';
import {
  LocalReadModelConsumer,
  ensureStreams,
  eventSubject,
  type IntegrationEvent,
} from '@jineng/messaging';
import { serviceMigrations } from '@jineng/service-runtime';
import { connectTestDatabase, DedicatedNatsServer, eventually, type TestDatabase } from '@jineng/testing';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { classOpsMigrations } from '../persistence/class-ops.migrations';
import {
  certificatesReadModel,
  fundLedgerReadModel,
  registryReadModel,
  subsidyReadModel,
} from './local-read-models';

let db: TestDatabase;
let server: DedicatedNatsServer;
let nc: NatsConnection;
const versions = new Map<string, number>();

beforeAll(async () => {
  db = await connectTestDatabase('class_ops_read_models');
  await migrate(db.pool, db.schema, serviceMigrations(classOpsMigrations));
  server = await DedicatedNatsServer.start();
  nc = await connect({ servers: server.url });
  await ensureStreams(nc, { replicas: 1, duplicateWindowMs: 120_000 });
}, 60_000);

afterAll(async () => {
  await nc?.close().catch(() => undefined);
  await server?.dispose();
  await db?.dispose();
});

/** The next event of a stream, as the source's relay publishes it. */
function eventOf(
  service: string,
  streamId: string,
  type: string,
  data: Record<string, unknown>,
): IntegrationEvent {
  const version = (versions.get(streamId) ?? 0) + 1;
  versions.set(streamId, version);
  return {
    id: randomUUID(),
    type,
    service,
    streamId,
    streamVersion: version,
    recordedAt: new Date().toISOString(),
    hash: 'ab'.repeat(32),
    data,
    metadata: {},
  } as IntegrationEvent;
}

const publish = (event: IntegrationEvent, msgID = event.id) =>
  jetstream(nc).publish(eventSubject(event.service, event.type), JSON.stringify(event), { msgID });

const consumers = () => [
  new LocalReadModelConsumer({
    definition: registryReadModel(db.schema),
    nc,
    pool: db.pool,
    schema: db.schema,
    pollMs: 50,
  }),
  new LocalReadModelConsumer({
    definition: subsidyReadModel(db.schema),
    nc,
    pool: db.pool,
    schema: db.schema,
    pollMs: 50,
  }),
];
const rows = async (sql: string) => (await db.pool.query(sql.replaceAll('S.', `"${db.schema}".`))).rows;

it('keeps workers, institutions, teachers, devices, policy versions and the calendar; survives restarts without a lost or repeated effect', async () => {
  const workerId = randomUUID();
  const institutionId = randomUUID();
  const deviceId = randomUUID();
  const versionId = randomUUID();
  const worker = `worker-${workerId}`;
  const institution = `institution-${institutionId}`;
  const first = [
    eventOf('registry', worker, 'WorkerRegistered.v1', {
      workerId,
      jurisdiction: '140802',
      hukouJurisdiction: '140821',
      residenceJurisdiction: '140802',
      birthDate: '1990-05-17',
      ableToWork: true,
      willingToWork: true,
    }),
    eventOf('registry', institution, 'InstitutionAppliedForListing.v1', {
      institutionId,
      jurisdiction: '140802',
      type: 'enterprise_training_centre',
      creditCode: '91140802MA0TEST001',
      scope: [{ occupationCode: '6-18-02-04', levels: [5] }],
    }),
    eventOf('registry', institution, 'TeacherRegistered.v1', { institutionId, teacherId: randomUUID() }),
    eventOf('registry', `device-${deviceId}`, 'DeviceRegistered.v1', {
      deviceId,
      institutionId,
      siteName: '实训基地',
    }),
    eventOf('subsidy', `policy-version-${versionId}`, 'PolicyVersionPublished.v1', {
      versionId,
      jurisdiction: '140800',
      effectiveFrom: '2026-01-01',
      publishedAt: '2026-01-01T00:00:00.000Z',
      parameters: { classOpening: { maxClassSize: 50 } },
    }),
  ];
  let running = consumers();
  for (const consumer of running) await consumer.start();
  for (const event of first) await publish(event);
  await eventually(async () => {
    expect(await rows(`select status from S.rm_institutions`)).toEqual([{ status: 'applied' }]);
    expect(await rows(`select count(*)::int as n from S.rm_teachers`)).toEqual([{ n: 1 }]);
    expect(await rows(`select version_id from S.rm_policy_versions`)).toEqual([{ version_id: versionId }]);
    // a WorkerRegistered without hardToMoveIntoWork (as every one before the field) is no finding
    expect(await rows(`select hard_to_move_into_work from S.rm_workers`)).toEqual([
      { hard_to_move_into_work: false },
    ]);
  });

  // the service stops, NATS goes down hard and comes back; meanwhile more happens, some of it twice
  for (const consumer of running) await consumer.stop();
  await nc.close();
  await server.kill();
  await server.restart();
  nc = await connect({ servers: server.url });
  const disqualified = eventOf('registry', institution, 'InstitutionDisqualifiedForYear.v1', {
    institutionId,
    year: 2026,
  });
  const later = [
    eventOf('registry', institution, 'InstitutionListed.v1', {
      institutionId,
      scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
    }),
    disqualified,
    eventOf('registry', worker, 'WorkerProfileUpdated.v1', {
      workerId,
      willingToWork: false,
      monthlyPensionEntitled: true,
      hardToMoveIntoWork: true,
    }),
    eventOf('registry', worker, 'EmploymentRecorded.v1', {
      workerId,
      employmentId: randomUUID(),
      employerCreditCode: '91140802MA0TEST001',
      startDate: '2026-03-01',
    }),
    eventOf('registry', `device-${deviceId}`, 'DeviceRevoked.v1', {
      deviceId,
      institutionId,
      reason: '丢失',
    }),
    eventOf('subsidy', 'holiday-calendar-national', 'HolidayCalendarPublished.v1', {
      year: 2031,
      holidays: ['2031-01-01'],
      makeUpWorkdays: [],
      revision: 1,
    }),
  ];
  // out of order, and the earlier ones again under other message ids (a relay that published twice)
  for (const event of [...later].reverse()) await publish(event);
  for (const event of [...first, disqualified]) await publish(event, randomUUID());
  running = consumers();
  for (const consumer of running) await consumer.start();
  await eventually(
    async () => {
      expect(await rows(`select status, scope, disqualified_years from S.rm_institutions`)).toEqual([
        {
          status: 'listed',
          scope: [{ occupationCode: '6-18-02-04', levels: [5, 4] }],
          disqualified_years: [2026],
        },
      ]);
      expect(
        await rows(
          `select willing_to_work, able_to_work, monthly_pension_entitled, hard_to_move_into_work, birth_date
           from S.rm_workers`,
        ),
      ).toEqual([
        {
          willing_to_work: false,
          able_to_work: true,
          monthly_pension_entitled: true,
          hard_to_move_into_work: true,
          birth_date: '1990-05-17',
        },
      ]);
      expect(await rows(`select count(*)::int as n from S.rm_employments`)).toEqual([{ n: 1 }]);
      expect(await rows(`select status from S.rm_devices`)).toEqual([{ status: 'revoked' }]);
      expect(await rows(`select scope, year from S.rm_holiday_calendar`)).toEqual([
        { scope: 'national', year: 2031 },
      ]);
    },
    { timeoutMs: 20_000 },
  );
  expect(await rows(`select count(*)::int as n from S.rm_teachers`)).toEqual([{ n: 1 }]);
  expect(await rows(`select count(*)::int as n from S.rm_policy_versions`)).toEqual([{ n: 1 }]);
  for (const consumer of running) await consumer.stop();
}, 60_000);

it('keeps the certificates workers hold and the last word of the ledger on each earmark, in stream order, across restarts', async () => {
  const workerId = randomUUID();
  const [kept, revoked] = [randomUUID(), randomUUID()];
  const [refusedThenEarmarked, refusedOnly] = [randomUUID(), randomUUID()];
  const ledgerAndCertificates = () =>
    [certificatesReadModel(db.schema), fundLedgerReadModel(db.schema)].map(
      (definition) =>
        new LocalReadModelConsumer({ definition, nc, pool: db.pool, schema: db.schema, pollMs: 50 }),
    );
  const issued = (certificateId: string, level: number) =>
    eventOf('certification', `certificate-${certificateId}`, 'CertificateIssued.v1', {
      certificateId,
      certificateNumber: `CERT-${certificateId.slice(0, 8)}`,
      workerId,
      institutionId: randomUUID(),
      jurisdictionCode: '530302',
      occupationCode: '6-18-02-04',
      level,
      kind: 'skill_level',
      evaluationBodyId: randomUUID(),
      issuedOn: '2025-06-30',
    });
  const refusal = (classId: string) =>
    eventOf('fund-ledger', `earmark-${classId}`, 'EarmarkRefused.v1', {
      classId,
      jurisdictionCode: '530302',
      fundSource: 'skills_upgrading_account',
      requestedFen: 7_500_000,
      availableFen: 1_000_000,
      reason: 'LEDGER.INSUFFICIENT_FUNDS',
    });
  const first = [issued(kept, 5), issued(revoked, 4), refusal(refusedThenEarmarked), refusal(refusedOnly)];
  let running = ledgerAndCertificates();
  for (const consumer of running) await consumer.start();
  for (const event of first) await publish(event);
  await eventually(async () => {
    expect(await rows(`select count(*)::int as n from S.rm_certificates where not revoked`)).toEqual([
      { n: 2 },
    ]);
    expect(await rows(`select count(*)::int as n from S.rm_earmarks where status = 'refused'`)).toEqual([
      { n: 2 },
    ]);
  });

  // stopped; NATS down hard and back; the later events arrive in reverse, the earlier ones again
  for (const consumer of running) await consumer.stop();
  await nc.close();
  await server.kill();
  await server.restart();
  nc = await connect({ servers: server.url });
  const later = [
    eventOf('certification', `certificate-${revoked}`, 'CertificateRevoked.v1', {
      certificateId: revoked,
      certificateNumber: `CERT-${revoked.slice(0, 8)}`,
      workerId,
      reason: '考核舞弊',
      revokedBy: 'officer-1',
    }),
    eventOf('fund-ledger', `earmark-${refusedThenEarmarked}`, 'ClassEarmarked.v1', {
      classId: refusedThenEarmarked,
      earmarkId: randomUUID(),
      jurisdictionCode: '530302',
      fundSource: 'skills_upgrading_account',
      amountFen: 7_500_000,
    }),
  ];
  for (const event of [...later].reverse()) await publish(event);
  for (const event of first) await publish(event, randomUUID());
  running = ledgerAndCertificates();
  for (const consumer of running) await consumer.start();
  await eventually(
    async () => {
      expect(
        await rows(`select certificate_id, level, revoked from S.rm_certificates order by level desc`),
      ).toEqual([
        { certificate_id: kept, level: 5, revoked: false },
        { certificate_id: revoked, level: 4, revoked: true },
      ]);
      expect(
        await rows(
          `select class_id, status, amount_fen::int, available_fen::int from S.rm_earmarks order by status`,
        ),
      ).toEqual([
        { class_id: refusedThenEarmarked, status: 'earmarked', amount_fen: 7_500_000, available_fen: null },
        { class_id: refusedOnly, status: 'refused', amount_fen: 7_500_000, available_fen: 1_000_000 },
      ]);
    },
    { timeoutMs: 20_000 },
  );
  for (const consumer of running) await consumer.stop();
}, 60_000);
