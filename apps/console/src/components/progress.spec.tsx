import { jobPercent } from './JobProgress';
import { PART_BYTES, partsOf, toBase64 } from '../pages/workers/RosterImportPage';

describe('progress of long work', () => {
  it('a job is 100 % only when it succeeded, and never more', () => {
    expect(jobPercent({ status: 'queued', done: 0 })).toBe(0);
    expect(jobPercent({ status: 'running', done: 2500, total: 10000 })).toBe(25);
    expect(jobPercent({ status: 'running', done: 10000, total: 10000 })).toBe(99);
    expect(jobPercent({ status: 'running', done: 12000, total: 10000 })).toBe(99);
    expect(jobPercent({ status: 'succeeded', done: 10000, total: 10000 })).toBe(100);
  });

  it('a roster is sent in parts of at most 512 KiB, at least one, covering every byte once', () => {
    expect(partsOf(0)).toEqual([{ start: 0, end: 0 }]);
    expect(partsOf(PART_BYTES)).toEqual([{ start: 0, end: PART_BYTES }]);
    const parts = partsOf(PART_BYTES * 2 + 1);
    expect(parts).toHaveLength(3);
    expect(parts[2]).toEqual({ start: PART_BYTES * 2, end: PART_BYTES * 2 + 1 });
  });

  it('each part is base64 of its bytes, for large parts too', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });
});
