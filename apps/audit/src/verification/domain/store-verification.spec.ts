import { GENESIS_HASH, chainLink, contentDigest } from '@jineng/event-store';
import type { AuditChainRow } from './audit-chain';
import { unreachableStore, verifyServiceStore } from './store-verification';

/** A stream as its owning service chains it (the store's append function's layout). */
function chained(streamId: string, datas: object[], idBase: number): AuditChainRow[] {
  let previous = GENESIS_HASH;
  return datas.map((data, i) => {
    const row = {
      service: 'class-ops',
      streamId,
      version: i + 1,
      eventId: `00000000-0000-4000-8000-0000000000${String(idBase + i).padStart(2, '0')}`,
      type: 'ThingHappened.v1',
      dataText: JSON.stringify(data),
      metadataText: JSON.stringify({ correlationId: 'c' }),
      recordedAtMillis: Date.UTC(2026, 2, 2, 8, 0, i),
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

const a = chained('class-1', [{ n: 1 }, { n: 2 }, { n: 3 }], 0);
const b = chained('class-2', [{ n: 4 }], 10);
const source = [...a, ...b];

it('an intact store and a copy equal to it verify: every event checked, no difference', () => {
  expect(verifyServiceStore('class-ops', source, [...b, ...a])).toEqual({
    service: 'class-ops',
    ok: true,
    streams: 2,
    eventsChecked: 4,
    broken: [],
    copyMissing: 0,
    copyDifferent: 0,
    copyExtra: 0,
    copyDifferences: [],
  });
});

it('a source row rewritten in place breaks its chain at that version, and the copy differs from it there', () => {
  const tampered = [a[0]!, { ...a[1]!, dataText: JSON.stringify({ n: 200 }) }, a[2]!, ...b];
  const report = verifyServiceStore('class-ops', tampered, source);
  expect(report.ok).toBe(false);
  expect(report.broken).toEqual([
    expect.objectContaining({
      service: 'class-ops',
      streamId: 'class-1',
      version: 2,
      reason: 'hash_mismatch',
    }),
  ]);
  expect(report).toMatchObject({ copyMissing: 0, copyDifferent: 1, copyExtra: 0 });
  expect(report.copyDifferences).toEqual([
    { streamId: 'class-1', version: 2, eventId: a[1]!.eventId, kind: 'different', fields: ['data'] },
  ]);
});

it('a source whose chain holds but whose copy lacks, changes or adds events is reported per event', () => {
  const copy = [a[0]!, { ...a[2]!, hash: 'f'.repeat(64), dataText: '{"n":30}' }, ...b];
  const extra = { ...b[0]!, eventId: '00000000-0000-4000-8000-000000000099', version: 2 };
  const report = verifyServiceStore('class-ops', source, [...copy, extra]);
  expect(report).toMatchObject({ ok: false, broken: [], copyMissing: 1, copyDifferent: 1, copyExtra: 1 });
  expect(
    report.copyDifferences.map((d) => `${d.streamId}@${d.version}:${d.kind}:${d.fields.join('+')}`),
  ).toEqual(['class-1@2:missing:', 'class-1@3:different:data+hash', 'class-2@2:extra:']);
});

it('a store that could not be read is never verified', () => {
  expect(unreachableStore('fund-ledger', 'permission denied')).toMatchObject({
    service: 'fund-ledger',
    ok: false,
    unreachable: 'permission denied',
    eventsChecked: 0,
  });
});
