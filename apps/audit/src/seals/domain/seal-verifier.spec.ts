// Daily seals and their verifier, pure: a stream rewritten together with its head row (so its own
// chain still holds) is caught by the signed roots; a day without events is sealed and checked; a
// tampered signature, body or missing seal is named.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { GENESIS_HASH, chainLink, contentDigest } from '@jineng/event-store';
import type { AuditChainRow } from '../../verification/domain/audit-chain';
import { makeSeal, type DailySeal } from './daily-seal';
import { EMPTY_ROOT } from './merkle';
import { sealDayBounds, sealDayOf, serviceRootsOf, type SealedEventRef } from './seal-leaves';
import { verifyAgainstSeals } from './seal-verifier';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const key = { keyId: 'seal-key-1', privateKey };
const keys = new Map([['seal-key-1', publicKey]]);

/** A service's stream, chained as libs/event-store chains it. */
function stream(service: string, streamId: string, times: string[], datas: object[]): AuditChainRow[] {
  let previous = GENESIS_HASH;
  return times.map((at, i) => {
    const row = {
      service,
      streamId,
      version: i + 1,
      eventId: randomUUID(),
      type: 'ClassApproved.v1',
      dataText: JSON.stringify(datas[i]),
      metadataText: JSON.stringify({ actor: { userId: 'u' } }),
      recordedAtMillis: Date.parse(at),
    };
    const hash = chainLink(
      previous,
      streamId,
      row.version,
      row.recordedAtMillis,
      contentDigest({ ...row, id: row.eventId }),
    );
    previous = hash;
    return { ...row, hash };
  });
}

/** Rechains a stream from its first row, as someone rewriting the store up to its head would. */
function rechain(rows: AuditChainRow[]): AuditChainRow[] {
  let previous = GENESIS_HASH;
  return rows.map((row) => {
    const hash = chainLink(
      previous,
      row.streamId,
      row.version,
      row.recordedAtMillis,
      contentDigest({ ...row, id: row.eventId }),
    );
    previous = hash;
    return { ...row, hash };
  });
}

const refOf = (row: AuditChainRow): SealedEventRef => ({ ...row });

/** Seals every day from `first` to `last` over the rows, as the sealer does. */
function sealDays(days: string[], rows: AuditChainRow[]): DailySeal[] {
  const seals: DailySeal[] = [];
  for (const day of days) {
    const { startMs, endMs } = sealDayBounds(day);
    const ofDay = rows.filter((r) => r.recordedAtMillis >= startMs && r.recordedAtMillis < endMs);
    seals.push(
      makeSeal({
        day,
        previous: seals[seals.length - 1],
        services: serviceRootsOf(ofDay.map(refOf)),
        sealedAt: `${day}T17:00:00.000Z`,
        key,
      }),
    );
  }
  return seals;
}

const classOps = stream(
  'class-ops',
  'class-a',
  ['2026-03-02T01:00:00Z', '2026-03-02T15:59:00Z', '2026-03-04T02:00:00Z'],
  [{ n: 1 }, { n: 2 }, { headcount: 30 }],
);
const subsidy = stream('subsidy', 'claim-1', ['2026-03-02T03:00:00Z'], [{ amountFen: 120000 }]);
const days = ['2026-03-02', '2026-03-03', '2026-03-04'];

it('assigns events to Asia/Shanghai days', () => {
  expect(sealDayOf(Date.parse('2026-03-02T15:59:00Z'))).toBe('2026-03-02');
  expect(sealDayOf(Date.parse('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
});

it('verifies untouched seals and events, and names the events no seal covers yet', () => {
  const seals = sealDays(days, [...classOps, ...subsidy]);
  const late = stream('class-ops', 'class-b', ['2026-03-05T01:00:00Z'], [{ n: 9 }]);
  const report = verifyAgainstSeals({
    seals,
    publicKeys: keys,
    service: 'class-ops',
    events: [...classOps, ...late],
  });
  expect(report).toMatchObject({
    ok: true,
    seals: 3,
    firstDay: '2026-03-02',
    lastDay: '2026-03-04',
    eventsChecked: 4,
    eventsNotSealed: 1,
  });
  expect(report.problems).toEqual([]);
});

it('seals a day with no events (empty root, zero events) in the chain, and a service that had none that day verifies', () => {
  const seals = sealDays(days, [...classOps, ...subsidy]);
  expect(seals[1]).toMatchObject({
    day: '2026-03-03',
    eventCount: 0,
    services: [],
    sequence: 2,
    previousSealHash: seals[0].sealHash,
  });
  expect(seals[2].previousSealHash).toBe(seals[1].sealHash);
  expect(verifyAgainstSeals({ seals, publicKeys: keys, service: 'subsidy', events: subsidy }).ok).toBe(true);
  // an event slipped into the empty day afterwards is seen
  const slipped = rechain([
    ...classOps.slice(0, 2),
    { ...classOps[2], recordedAtMillis: Date.parse('2026-03-03T02:00:00Z') },
  ]);
  const report = verifyAgainstSeals({ seals, publicKeys: keys, service: 'class-ops', events: slipped });
  expect(report.problems.map((p) => [p.day, p.kind])).toEqual([
    ['2026-03-03', 'events_differ'],
    ['2026-03-04', 'events_differ'],
  ]);
  expect(report.problems[0].detail).toContain(`the seal signed ${EMPTY_ROOT} of 0`);
});

it('catches an event rewritten with its chain up to the head row recomputed, which the stream chain alone cannot', () => {
  const seals = sealDays(days, [...classOps, ...subsidy]);
  const rewritten = rechain(
    classOps.map((row, i) => (i === 0 ? { ...row, dataText: JSON.stringify({ n: 100 }) } : row)),
  );
  // the rewritten stream is consistent with itself: the in-database chain holds, head included
  expect(rewritten[2].hash).not.toBe(classOps[2].hash);
  const report = verifyAgainstSeals({ seals, publicKeys: keys, service: 'class-ops', events: rewritten });
  expect(report.ok).toBe(false);
  expect(report.problems.map((p) => p.kind)).not.toContain('stream_chain_broken');
  // the day of the rewrite and the later day whose head link changed with it
  expect(report.problems.map((p) => [p.day, p.kind])).toEqual([
    ['2026-03-02', 'events_differ'],
    ['2026-03-04', 'events_differ'],
  ]);
  // the other service is untouched
  expect(verifyAgainstSeals({ seals, publicKeys: keys, service: 'subsidy', events: subsidy }).ok).toBe(true);
});

it('names a rewrite that left the stored hash alone as a broken stream chain too', () => {
  const seals = sealDays(days, classOps);
  const edited = classOps.map((row, i) => (i === 1 ? { ...row, dataText: '{"n":3}' } : row));
  const kinds = verifyAgainstSeals({
    seals,
    publicKeys: keys,
    service: 'class-ops',
    events: edited,
  }).problems.map((p) => p.kind);
  expect(kinds).toEqual(['stream_chain_broken', 'events_differ', 'events_differ']);
});

it('catches a deleted event and an appended one', () => {
  const seals = sealDays(days, classOps);
  expect(
    verifyAgainstSeals({ seals, publicKeys: keys, service: 'class-ops', events: classOps.slice(0, 2) })
      .problems,
  ).toEqual([expect.objectContaining({ day: '2026-03-04', kind: 'events_differ' })]);
});

it('refuses a tampered signature, a body changed under its signature, an unknown key and a broken seal chain', () => {
  const seals = sealDays(days, classOps);
  const flipped = Buffer.from(seals[0].signature, 'base64url');
  flipped[5] ^= 1;
  const tampered = [{ ...seals[0], signature: flipped.toString('base64url') }, ...seals.slice(1)];
  expect(verifyAgainstSeals({ seals: tampered, publicKeys: keys }).problems).toEqual([
    expect.objectContaining({ day: '2026-03-02', kind: 'signature_invalid' }),
  ]);

  // a root swapped for the rewritten stream's, hash recomputed, signature kept: the signature fails
  const forgedRoot = { ...seals[0], root: EMPTY_ROOT, eventCount: 0, services: [] };
  const reHashed = {
    ...forgedRoot,
    sealHash: makeSeal({ day: forgedRoot.day, services: [], sealedAt: forgedRoot.sealedAt, key }).sealHash,
  };
  const kinds = verifyAgainstSeals({ seals: [reHashed, ...seals.slice(1)], publicKeys: keys }).problems.map(
    (p) => p.kind,
  );
  expect(kinds).toEqual(expect.arrayContaining(['signature_invalid', 'chain_broken']));

  // signed by another key: not one the audit service published
  const other = generateKeyPairSync('ed25519').privateKey;
  const foreign = makeSeal({
    day: '2026-03-02',
    services: seals[0].services,
    sealedAt: seals[0].sealedAt,
    key: { keyId: 'intruder', privateKey: other },
  });
  expect(verifyAgainstSeals({ seals: [foreign], publicKeys: keys }).problems.map((p) => p.kind)).toEqual([
    'unknown_key',
  ]);

  // a seal taken out of the middle
  const gap = verifyAgainstSeals({ seals: [seals[0], seals[2]], publicKeys: keys }).problems;
  expect(gap.map((p) => [p.day, p.kind])).toEqual([
    ['2026-03-04', 'chain_broken'],
    ['2026-03-04', 'chain_broken'],
  ]);
});
