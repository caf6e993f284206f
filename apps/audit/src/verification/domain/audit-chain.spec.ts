import { GENESIS_HASH, chainLink, contentDigest } from '@jineng/event-store';
import { verifyAuditChains, type AuditChainRow } from './audit-chain';

/** A stream as its owning service chains it (the same layout as the store's append function). */
function chained(service: string, streamId: string, datas: object[]): AuditChainRow[] {
  let previous = GENESIS_HASH;
  return datas.map((data, i) => {
    const row = {
      service,
      streamId,
      version: i + 1,
      eventId: `00000000-0000-4000-8000-00000000000${i}`,
      type: 'ThingHappened.v1',
      dataText: JSON.stringify(data),
      metadataText: JSON.stringify({ correlationId: 'c' }),
      recordedAtMillis: Date.UTC(2026, 2, 2, 8, 0, i),
    };
    const digest = contentDigest({ ...row, id: row.eventId });
    const hash = chainLink(previous, streamId, row.version, row.recordedAtMillis, digest);
    previous = hash;
    return { ...row, hash };
  });
}

describe('verifyAuditChains', () => {
  const a = chained('class-ops', 'class-1', [{ n: 1 }, { n: 2 }, { n: 3 }]);
  const b = chained('fund-ledger', 'payment-1', [{ amountFen: 100 }]);

  it('holds for copies of intact streams', () => {
    expect(verifyAuditChains([...a, ...b])).toEqual({ ok: true, streams: 2, events: 4, broken: [] });
  });

  it('finds a copied event whose data was changed, and reports only the first broken link of its stream', () => {
    const changed = [a[0], { ...a[1], dataText: JSON.stringify({ n: 20 }) }, a[2], ...b];
    const report = verifyAuditChains(changed);
    expect(report.ok).toBe(false);
    expect(report.broken).toEqual([
      expect.objectContaining({
        service: 'class-ops',
        streamId: 'class-1',
        version: 2,
        reason: 'hash_mismatch',
      }),
    ]);
  });

  it('finds a changed time, type or metadata, each a broken link', () => {
    for (const change of [
      { recordedAtMillis: a[1].recordedAtMillis + 1 },
      { type: 'OtherThing.v1' },
      { metadataText: JSON.stringify({ correlationId: 'd' }) },
    ]) {
      expect(verifyAuditChains([a[0], { ...a[1], ...change }, a[2]]).broken.map((l) => l.version)).toEqual([
        2,
      ]);
    }
  });

  it('finds a missing version, and a stream whose first event is missing', () => {
    expect(verifyAuditChains([a[0], a[2]]).broken).toEqual([
      expect.objectContaining({ version: 3, reason: 'version_gap' }),
    ]);
    expect(verifyAuditChains([a[1], a[2]]).broken).toEqual([
      expect.objectContaining({ version: 2, reason: 'version_gap' }),
    ]);
  });

  it('finds a stream rewritten at its source and re-chained from the rewrite on: the old successor no longer follows', () => {
    // a forged version 2 chained correctly from version 1, but version 3 is the original
    const forged = chained('class-ops', 'class-1', [{ n: 1 }, { n: 99 }]);
    expect(verifyAuditChains([a[0], forged[1], a[2]]).broken).toEqual([
      expect.objectContaining({ version: 3, reason: 'hash_mismatch' }),
    ]);
  });
});
