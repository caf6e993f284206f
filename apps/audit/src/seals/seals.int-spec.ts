// Daily seals on real PostgreSQL and NATS: the scheduler, moved by the service clock, seals each
// Asia/Shanghai day once it is over (a day without events too), chained and signed; anyone lists
// them without login; a service's store rewritten together with its head row — which its own chain
// verifier and the copy's chain check both accept — is caught by the seals, as is a rewritten copy
// and a tampered seal.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { auditV1 } from '@jineng/contracts';
import type { ReceivedDomainError } from '@jineng/ddd';
import { ChainVerifier, GENESIS_HASH, chainLink, contentDigest } from '@jineng/event-store';
import { shanghaiDate } from '@jineng/kernel';
import type { Principal } from '@jineng/messaging';
import { auditSealKeyEnv, eventually, setTestClock } from '@jineng/testing';
import { AuditTestService, type SourceService } from '../audit-service.fixture';
import { nextDay } from './domain/seal-leaves';
import { verifyAgainstSeals } from './domain/seal-verifier';
import { publishedSealsOf } from './verify-store/published-seals';
import { storeEventsOf } from './verify-store/store-events.reader';

const AUDITOR: Principal = { userId: 'auditor-sx', roles: ['auditor'], jurisdiction: '140000' };
const ANONYMOUS: Principal = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '110000' };
const OFFICER: Principal = { userId: 'officer-yc', roles: ['county_officer'], jurisdiction: '140800' };
const officer = { userId: 'officer-yc', roles: ['county_officer'] };

const clockDir = mkdtempSync(path.join(tmpdir(), 'jineng-seal-clock-'));
const clockFile = path.join(clockDir, 'clock.json');
let audit: AuditTestService;
let classOps: SourceService;
let subsidy: SourceService;
const classId = randomUUID();
const claimId = randomUUID();
const today = shanghaiDate(new Date());

beforeAll(async () => {
  // the seal key is read from the process environment, as in a deployment
  process.env.JINENG_AUDIT_SEAL_KEY_FILE = auditSealKeyEnv().JINENG_AUDIT_SEAL_KEY_FILE;
  audit = await AuditTestService.start('audit_seals', { JINENG_TEST_CLOCK_FILE: clockFile });
  classOps = await audit.source('class-ops');
  subsidy = await audit.source('subsidy');
  const at = { jurisdiction: '140802', actor: officer };
  for (let n = 1; n <= 3; n++)
    await classOps.append(`class-${classId}`, [{ type: 'RosterAmended.v1', data: { classId, n } }], at);
  await classOps.append(`class-${randomUUID()}`, [{ type: 'ClassRejected.v1', data: { reason: 'x' } }], at);
  await subsidy.append(
    `claim-${claimId}`,
    [{ type: 'ClaimApproved.v1', data: { claimId, amountFen: 120_000 } }],
    at,
  );
  await eventually(async () => expect(await copied()).toBe(5), { timeoutMs: 20_000 });
}, 60_000);

afterAll(async () => {
  await audit?.dispose();
  rmSync(clockDir, { recursive: true, force: true });
});

const S = () => `"${audit.schema}"`;
const copied = async () =>
  (await audit.db.pool.query<{ n: number }>(`select count(*)::int as n from ${S()}.audit_events`)).rows[0].n;
const listSeals = (payload: object = {}) => audit.query<auditV1.SealPage>('ListSeals', ANONYMOUS, payload);
const verifySeals = (payload: object = {}) =>
  audit.query<auditV1.SealVerificationReport>('VerifySeals', AUDITOR, payload);

it('seals today and the empty day after once the clock passes them, chained and signed; lists them to anyone', async () => {
  expect((await listSeals()).total).toBe(0);
  // the day after tomorrow, 01:30 in Shanghai: today and tomorrow are over, with their grace hour
  setTestClock(clockFile, `${nextDay(nextDay(today))}T01:30:00+08:00`);
  await eventually(async () => expect((await listSeals()).total).toBe(2), { timeoutMs: 20_000 });
  const page = await listSeals();
  const [first, second] = page.items;
  expect(first).toMatchObject({ day: today, sequence: 1, previousSealHash: GENESIS_HASH, eventCount: 5 });
  expect(first.services).toEqual([
    expect.objectContaining({ service: 'class-ops', eventCount: 4 }),
    expect.objectContaining({ service: 'subsidy', eventCount: 1 }),
  ]);
  // a day with no events is sealed too, and keeps the chain
  expect(second).toMatchObject({ day: nextDay(today), sequence: 2, eventCount: 0, services: [] });
  expect(second.previousSealHash).toBe(first.sealHash);
  expect(second.root).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  expect(page.publicKeys).toHaveLength(1);
  expect(page.publicKeys[0].keyId).toBe(first.keyId);
  // pages
  const one = await listSeals({ pageSize: 1 });
  expect(one).toMatchObject({ total: 2, nextFromSequence: 2 });
  expect(one.items.map((s) => s.day)).toEqual([today]);

  expect(await verifySeals()).toMatchObject({
    ok: true,
    seals: 2,
    services: ['class-ops', 'subsidy'],
    eventsChecked: 5,
    eventsNotSealed: 0,
    problems: [],
  });
  // a restart seals nothing twice, and the next day waits for its time
  await audit.restart();
  expect((await listSeals()).total).toBe(2);
  const { rows } = await audit.db.pool.query<{ deadline_id: string; status: string }>(
    `select deadline_id, status from ${S()}.deadlines where kind = 'audit-daily-seal' order by deadline_id`,
  );
  // today's deadline, firing after tomorrow's due time too, sealed both days (seal-catch-up.int-spec.ts)
  expect(rows).toEqual([
    { deadline_id: `audit-seal:${today}`, status: 'fired' },
    { deadline_id: `audit-seal:${nextDay(nextDay(today))}`, status: 'pending' },
  ]);
}, 60_000);

it("catches a service's store rewritten with its chain recomputed up to the head row, which the store's own verifier accepts", async () => {
  const published = publishedSealsOf([await listSeals()]);
  const schema = classOps.store.schema;
  const before = verifyAgainstSeals({
    ...published,
    service: 'class-ops',
    events: await storeEventsOf(audit.db.pool, schema, 'class-ops'),
  });
  expect(before).toMatchObject({ ok: true, eventsChecked: 4, eventsNotSealed: 0 });

  // someone with the owner's rights rewrites version 1 of the class stream and recomputes every link after it, head included
  const ES = `"${schema}"`;
  const { rows } = await audit.db.pool.query<{
    event_id: string;
    version: string;
    type: string;
    metadata: string;
    ms: string;
  }>(
    `select event_id::text, version::text, type, metadata::text as metadata, (extract(epoch from recorded_at) * 1000)::bigint::text as ms
       from ${ES}.events where stream_id = $1 order by version`,
    [`class-${classId}`],
  );
  await audit.db.pool.query(`alter table ${ES}.events disable trigger events_are_immutable`);
  try {
    let previous = GENESIS_HASH;
    for (const row of rows) {
      const dataText = row.version === '1' ? JSON.stringify({ classId, n: 100 }) : undefined;
      const current = (
        await audit.db.pool.query<{ data: string }>(
          `select data::text as data from ${ES}.events where event_id = $1`,
          [row.event_id],
        )
      ).rows[0].data;
      const text = dataText ?? current;
      const digest = contentDigest({
        id: row.event_id,
        type: row.type,
        dataText: text,
        metadataText: row.metadata,
      });
      const link = chainLink(previous, `class-${classId}`, Number(row.version), Number(row.ms), digest);
      await audit.db.pool.query(
        `update ${ES}.events set data = $2::json, content_digest = decode($3, 'hex'), hash = decode($4, 'hex') where event_id = $1`,
        [row.event_id, text, digest, link],
      );
      previous = link;
    }
    await audit.db.pool.query(`update ${ES}.streams set last_hash = decode($2, 'hex') where stream_id = $1`, [
      `class-${classId}`,
      previous,
    ]);
  } finally {
    await audit.db.pool.query(`alter table ${ES}.events enable trigger events_are_immutable`);
  }
  // the store's own chain, head included, holds
  expect(await new ChainVerifier(audit.db.pool, schema).verifyAll()).toMatchObject({ ok: true });
  // the seals do not
  const after = verifyAgainstSeals({
    ...published,
    service: 'class-ops',
    events: await storeEventsOf(audit.db.pool, schema, 'class-ops'),
  });
  expect(after.ok).toBe(false);
  expect(after.problems).toEqual([
    expect.objectContaining({ day: today, kind: 'events_differ', service: 'class-ops' }),
  ]);
  // the other service is untouched
  expect(
    verifyAgainstSeals({
      ...published,
      service: 'subsidy',
      events: await storeEventsOf(audit.db.pool, subsidy.store.schema, 'subsidy'),
    }).ok,
  ).toBe(true);
}, 60_000);

it('catches the audit copy rewritten behind its trigger with its links recomputed, which the copy chain check accepts; and a tampered seal', async () => {
  const { rows } = await audit.db.pool.query<{
    event_id: string;
    data: string;
    metadata: string;
    ms: string;
    type: string;
  }>(
    `select event_id::text, data::text as data, metadata::text as metadata, type,
            (extract(epoch from recorded_at) * 1000)::bigint::text as ms
       from ${S()}.audit_events where stream_id = $1`,
    [`claim-${claimId}`],
  );
  const forged = JSON.stringify({ claimId, amountFen: 3_600_000 });
  const link = chainLink(
    GENESIS_HASH,
    `claim-${claimId}`,
    1,
    Number(rows[0].ms),
    contentDigest({
      id: rows[0].event_id,
      type: rows[0].type,
      dataText: forged,
      metadataText: rows[0].metadata,
    }),
  );
  await behindTrigger('audit_events', 'audit_events_are_immutable', () =>
    audit.db.pool.query(`update ${S()}.audit_events set data = $2::json, hash = $3 where event_id = $1`, [
      rows[0].event_id,
      forged,
      link,
    ]),
  );
  expect(
    await audit.query<auditV1.AuditChainReport>('VerifyAuditCopy', AUDITOR, { service: 'subsidy' }),
  ).toMatchObject({ ok: true });
  const report = await verifySeals({ service: 'subsidy' });
  expect(report).toMatchObject({ ok: false, services: ['subsidy'], eventsChecked: 1 });
  expect(report.problems).toEqual([
    expect.objectContaining({ day: today, kind: 'events_differ', service: 'subsidy' }),
  ]);

  // a published seal's root swapped behind the trigger: its hash and signature no longer hold
  await behindTrigger('audit_seals', 'audit_seals_are_immutable', () =>
    audit.db.pool.query(`update ${S()}.audit_seals set event_count = 4 where sequence = 1`),
  );
  const kinds = (await verifySeals({ service: 'class-ops' })).problems.map((p) => p.kind);
  expect(kinds).toEqual(expect.arrayContaining(['seal_hash_mismatch', 'root_mismatch']));

  // the runtime role cannot change a seal
  const runtime = new (await import('pg')).Pool({ connectionString: audit.runtimeRole.url, max: 1 });
  try {
    await expect(runtime.query(`update ${S()}.audit_seals set root = root`)).rejects.toMatchObject({
      code: 'JN002',
    });
  } finally {
    await runtime.end();
  }
  const refused = await audit.query('VerifySeals', OFFICER, {}).catch((error: ReceivedDomainError) => error);
  expect((refused as ReceivedDomainError).code).toBe('AUDIT.ROLE_NOT_ALLOWED');
}, 60_000);

async function behindTrigger(table: string, trigger: string, change: () => Promise<unknown>): Promise<void> {
  await audit.db.pool.query(`alter table ${S()}.${table} disable trigger ${trigger}`);
  try {
    await change();
  } finally {
    await audit.db.pool.query(`alter table ${S()}.${table} enable trigger ${trigger}`);
  }
}
