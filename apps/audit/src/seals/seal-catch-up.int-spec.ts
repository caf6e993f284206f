// Daily seals catching up (issue 16's browser test saw 10 of 67 days sealed): the service clock moved
// on by many days makes the first due deadline seal every day due by its firing, each once, in order,
// in that one firing — not one day per scheduler tick — and schedule only the first day not due yet;
// the seal after the tenth follows the last by number (the store once sorted the sequence as text).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { auditV1 } from '@jineng/contracts';
import { GENESIS_HASH } from '@jineng/event-store';
import { shanghaiDate } from '@jineng/kernel';
import type { Principal } from '@jineng/messaging';
import { auditSealKeyEnv, eventually, setTestClock } from '@jineng/testing';
import { AuditTestService } from '../audit-service.fixture';
import { nextDay } from './domain/seal-leaves';

const ANONYMOUS: Principal = { userId: 'anonymous', roles: ['anonymous'], jurisdiction: '110000' };
const AUDITOR: Principal = { userId: 'auditor-sx', roles: ['auditor'], jurisdiction: '140000' };
const DAYS = 40;

const clockDir = mkdtempSync(path.join(tmpdir(), 'jineng-seal-catch-up-'));
const clockFile = path.join(clockDir, 'clock.json');
let audit: AuditTestService;
const today = shanghaiDate(new Date());
const dayAfter = (day: string, n: number): string => (n === 0 ? day : dayAfter(nextDay(day), n - 1));

beforeAll(async () => {
  process.env.JINENG_AUDIT_SEAL_KEY_FILE = auditSealKeyEnv().JINENG_AUDIT_SEAL_KEY_FILE;
  audit = await AuditTestService.start('audit_seals', { JINENG_TEST_CLOCK_FILE: clockFile });
  const classOps = await audit.source('class-ops');
  const classId = randomUUID();
  await classOps.append(`class-${classId}`, [{ type: 'RosterAmended.v1', data: { classId, n: 1 } }], {
    jurisdiction: '140802',
    actor: { userId: 'officer-yc', roles: ['county_officer'] },
  });
  await eventually(
    async () =>
      expect(
        (
          await audit.db.pool.query<{ n: number }>(
            `select count(*)::int as n from "${audit.schema}".audit_events`,
          )
        ).rows[0].n,
      ).toBe(1),
    { timeoutMs: 20_000 },
  );
}, 60_000);

afterAll(async () => {
  await audit?.dispose();
  rmSync(clockDir, { recursive: true, force: true });
});

const listSeals = (payload: object = {}) => audit.query<auditV1.SealPage>('ListSeals', ANONYMOUS, payload);

it(`seals the ${DAYS} days a moved clock passed in the one firing of the first day's deadline, in order, chained`, async () => {
  expect((await listSeals()).total).toBe(0);
  // 01:30 in Shanghai, DAYS days on: today and the DAYS - 1 days after it are over, with their grace hour
  setTestClock(clockFile, `${dayAfter(today, DAYS)}T01:30:00+08:00`);
  await eventually(async () => expect((await listSeals()).total).toBe(DAYS), { timeoutMs: 20_000 });

  const seals = (await listSeals({ pageSize: 1000 })).items;
  expect(seals.map((s) => s.day)).toEqual(Array.from({ length: DAYS }, (_, n) => dayAfter(today, n)));
  expect(seals.map((s) => s.sequence)).toEqual(Array.from({ length: DAYS }, (_, n) => n + 1));
  expect(seals[0]).toMatchObject({ previousSealHash: GENESIS_HASH, eventCount: 1 });
  for (let n = 1; n < DAYS; n++) {
    expect(seals[n].previousSealHash).toBe(seals[n - 1].sealHash);
    expect(seals[n].eventCount).toBe(0);
  }
  // all sealed by one firing: the same sealedAt, and one deadline fired, the next day's pending
  expect(new Set(seals.map((s) => s.sealedAt)).size).toBe(1);
  const { rows } = await audit.db.pool.query<{ deadline_id: string; status: string }>(
    `select deadline_id, status from "${audit.schema}".deadlines where kind = 'audit-daily-seal' order by due_at`,
  );
  expect(rows).toEqual([
    { deadline_id: `audit-seal:${today}`, status: 'fired' },
    { deadline_id: `audit-seal:${dayAfter(today, DAYS)}`, status: 'pending' },
  ]);
  // the chain verifies, and nothing more is sealed while the clock stands
  expect(await audit.query<auditV1.SealVerificationReport>('VerifySeals', AUDITOR, {})).toMatchObject({
    ok: true,
    seals: DAYS,
    eventsChecked: 1,
    problems: [],
  });
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  expect((await listSeals()).total).toBe(DAYS);

  // the next day follows the last seal by number, not by its text ('9' sorts after '40')
  setTestClock(clockFile, `${dayAfter(today, DAYS + 1)}T01:30:00+08:00`);
  await eventually(async () => expect((await listSeals()).total).toBe(DAYS + 1), { timeoutMs: 20_000 });
  const last = (await listSeals({ fromSequence: DAYS, pageSize: 10 })).items;
  expect(last.map((s) => [s.sequence, s.day])).toEqual([
    [DAYS, dayAfter(today, DAYS - 1)],
    [DAYS + 1, dayAfter(today, DAYS)],
  ]);
  expect(last[1].previousSealHash).toBe(last[0].sealHash);
}, 90_000);
