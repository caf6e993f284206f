// The services' own stores verified from inside the platform (ADR 0021): two services' event stores,
// each with its read-only reader role granted by the migration step (migrate's storeReaderRole); the
// audit service configured with those roles (JINENG_AUDIT_STORES) copies their events from the bus and
// verifies each store's chains and its copy against it. A third service whose role was never granted is
// reported unreachable. A source row rewritten by the superuser behind its trigger is named by service,
// stream and version; the reader role cannot write (permission denied) nor read beyond events and streams.
import { randomUUID } from 'node:crypto';
import type { auditV1 } from '@jineng/contracts';
import { ensureRuntimeRole, migrate, quoteSchema } from '@jineng/event-store';
import type { Principal } from '@jineng/messaging';
import { eventually } from '@jineng/testing';
import { Pool } from 'pg';
import { AuditTestService, type SourceService } from '../../audit-service.fixture';

const AUDITOR: Principal = { userId: 'auditor-stores', roles: ['auditor'], jurisdiction: '140000' };
const context = { actor: { userId: 'officer-1', roles: ['county_officer'] }, jurisdiction: '140802' };

let audit: AuditTestService;
let classOps: SourceService;
let subsidy: SourceService;
const readers: Record<string, { name: string; url: string; schema: string }> = {};
const classId = randomUUID();

beforeAll(async () => {
  audit = await AuditTestService.start('audit_stores');
  classOps = await audit.source('class-ops');
  subsidy = await audit.source('subsidy');
  for (const source of [classOps, subsidy]) {
    const role = audit.db.runtimeRole();
    readers[source.service] = { ...role, schema: source.store.schema };
    // what each service's migration step does under JINENG_STORE_READER_ROLE
    await migrate(audit.db.pool, source.store.schema, [], { storeReaderRole: role.name });
  }
  // a role that exists but was never granted on its store
  const ungranted = audit.db.runtimeRole();
  await ensureRuntimeRole(audit.db.pool, { name: ungranted.name });
  readers.certification = { ...ungranted, schema: classOps.store.schema };

  await classOps.append(
    `class-${classId}`,
    [
      { type: 'ClassApplied.v1', data: { classId, n: 1 } },
      { type: 'ClassApproved.v1', data: { classId, n: 2 } },
    ],
    context,
  );
  await classOps.append(`class-${classId}`, [{ type: 'ClassStarted.v1', data: { classId, n: 3 } }], context);
  await subsidy.append(`claim-${classId}`, [{ type: 'ClaimSubmitted.v1', data: { classId } }], context);
  // read from the process environment, as in a deployment
  process.env.JINENG_AUDIT_STORES = JSON.stringify(
    Object.fromEntries(
      Object.entries(readers).map(([service, r]) => [service, { databaseUrl: r.url, schema: r.schema }]),
    ),
  );
  await audit.restart();
}, 120_000);

afterAll(async () => {
  delete process.env.JINENG_AUDIT_STORES;
  await audit?.dispose();
});

const verify = (payload: object = {}) =>
  audit.query<auditV1.ServiceStoresReport>('VerifyServiceStores', AUDITOR, payload);

it('verifies each store through its read-only role and compares the copy with it; an ungranted store is unreachable', async () => {
  await eventually(
    async () => {
      const report = await verify({ service: 'class-ops' });
      expect(report.services[0]).toMatchObject({ ok: true, copyMissing: 0 });
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
  await eventually(async () => expect((await verify({ service: 'subsidy' })).ok).toBe(true), {
    timeoutMs: 30_000,
    intervalMs: 250,
  });
  const report = await verify();
  expect(report.ok).toBe(false);
  expect(report.services.map((s) => s.service)).toEqual(['certification', 'class-ops', 'subsidy']);
  expect(report.services[1]).toEqual({
    service: 'class-ops',
    ok: true,
    streams: 1,
    eventsChecked: 3,
    broken: [],
    copyMissing: 0,
    copyDifferent: 0,
    copyExtra: 0,
    copyDifferences: [],
  });
  expect(report.services[2]).toMatchObject({ service: 'subsidy', ok: true, eventsChecked: 1 });
  expect(report.services[0]).toMatchObject({ service: 'certification', ok: false, eventsChecked: 0 });
  expect(report.services[0]!.unreachable).toMatch(/permission denied/);
  expect((await verify({ service: 'fund-ledger' })).services[0]!.unreachable).toContain(
    'JINENG_AUDIT_STORES',
  );
});

it('the reader role can only read events and streams: writing is refused with a permission error', async () => {
  const reader = new Pool({ connectionString: readers['class-ops']!.url, max: 1 });
  const S = quoteSchema(readers['class-ops']!.schema);
  try {
    const { rows } = await reader.query(`select count(*)::int as n from ${S}.events`);
    expect(rows[0].n).toBe(3);
    const streams = `select count(*)::int as n from ${S}.streams`;
    const [readerStreams, ownerStreams] = await Promise.all([
      reader.query(streams),
      audit.db.pool.query(streams),
    ]);
    expect(readerStreams.rows[0].n).toBe(ownerStreams.rows[0].n);
    expect(readerStreams.rows[0].n).toBeGreaterThan(0);
    const refused = async (sql: string) => {
      const error = await reader.query(sql).catch((e: { code?: string; message: string }) => e);
      expect(error).toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
    };
    await refused(`update ${S}.events set type = 'Forged.v1' where version = 1`);
    await refused(`delete from ${S}.events`);
    await refused(`update ${S}.streams set version = 0`);
    await refused(
      `insert into ${S}.events (event_id, stream_id, version, type, data, metadata, content_digest, hash, recorded_at)
       values (gen_random_uuid(), 'x', 1, 'Forged.v1', '{}', '{}', '\\x00', '\\x00', now())`,
    );
    // nothing but the store: not the service's other tables, not the audit copy
    await refused(`select * from ${S}.schema_migrations`);
    await refused(`select * from ${quoteSchema(audit.schema)}.audit_events`);
  } finally {
    await reader.end();
  }
});

it('a source row rewritten behind its trigger is named by service, stream and version', async () => {
  const S = quoteSchema(classOps.store.schema);
  await audit.db.pool.query(`alter table ${S}.events disable trigger events_are_immutable`);
  try {
    await audit.db.pool.query(`update ${S}.events set data = $2 where stream_id = $1 and version = 2`, [
      `class-${classId}`,
      JSON.stringify({ classId, n: 200 }),
    ]);
  } finally {
    await audit.db.pool.query(`alter table ${S}.events enable trigger events_are_immutable`);
  }
  const report = (await verify({ service: 'class-ops' })).services[0]!;
  expect(report.ok).toBe(false);
  expect(report.broken).toEqual([
    expect.objectContaining({
      service: 'class-ops',
      streamId: `class-${classId}`,
      version: 2,
      reason: 'hash_mismatch',
    }),
  ]);
  expect(report).toMatchObject({ eventsChecked: 3, copyMissing: 0, copyDifferent: 1, copyExtra: 0 });
  expect(report.copyDifferences).toEqual([
    expect.objectContaining({
      streamId: `class-${classId}`,
      version: 2,
      kind: 'different',
      fields: ['data'],
    }),
  ]);
  // the other store is untouched
  expect((await verify({ service: 'subsidy' })).ok).toBe(true);
});
