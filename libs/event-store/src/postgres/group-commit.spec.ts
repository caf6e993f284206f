import { AppendRow, GroupCommit, QueuedAppend } from './group-commit';

const row = (): AppendRow => ({ status: 'ok', stream_version: '1', transaction_id: '1', positions: ['1'] });
const append = (streamId: string, events = 1): QueuedAppend => ({
  streamId,
  kind: 'any',
  expected: null,
  eventTexts: ['"id":"…"'],
  events,
});
const later = <T>(value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), 2));

describe('GroupCommit', () => {
  it('writers that append again as soon as they are answered leave together, not one alone and the rest after', async () => {
    const sent: number[] = [];
    const commit = new GroupCommit(
      async () => {
        sent.push(1);
        return later(row());
      },
      async (group) => {
        sent.push(group.length);
        return later(group.map(row));
      },
      { maxInFlight: 1, maxGroupSize: 100 },
    );
    await Promise.all(
      Array.from({ length: 8 }, async (_, writer) => {
        for (let n = 0; n < 10; n++) {
          await commit.submit(append(`w-${writer}`));
          // a caller's way back is a few promises long (the store's appendToStream, the command
          // handler, …): its next append comes some microtasks after its answer
          for (let hop = 0; hop < 5; hop++) await Promise.resolve();
        }
      }),
    );
    // the first append goes at once; then every group holds all eight writers (the last one, seven:
    // the first writer is done by then)
    expect(sent).toEqual([1, 8, 8, 8, 8, 8, 8, 8, 8, 8, 7]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(80);
  });

  it('a group that fails is sent again append by append, so that only the faulty one fails', async () => {
    const commit = new GroupCommit(
      async (a) => (a.streamId === 'bad' ? Promise.reject(new Error('bad append')) : row()),
      async () => Promise.reject(new Error('the group rolled back')),
      { maxInFlight: 1, maxGroupSize: 100 },
    );
    const outcomes = await Promise.allSettled(['a', 'b', 'bad', 'c'].map((s) => commit.submit(append(s))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it("adaptive lanes: one lane while few events wait, more while a group's worth waits (large appends, overload)", async () => {
    let inFlight = 0;
    let most = 0;
    const commit = new GroupCommit(
      async () => {
        most = Math.max(most, ++inFlight);
        await later(undefined);
        inFlight--;
        return row();
      },
      async (group) => {
        most = Math.max(most, ++inFlight);
        const rows = await later(group.map(row));
        inFlight--;
        return rows;
      },
      { maxInFlight: 4, maxGroupSize: 200, adaptiveLanes: true, laneEvents: 10 },
    );
    // 9 single-event appends waiting behind the first: one lane
    await Promise.all(Array.from({ length: 10 }, (_, i) => commit.submit(append(`a-${i}`))));
    expect(most).toBe(1);
    // 60 at once: more than a group's worth waits, so more lanes open (at most 4)
    await Promise.all(Array.from({ length: 60 }, (_, i) => commit.submit(append(`b-${i}`))));
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    // four large appends at once: each goes on a lane of its own
    await new Promise((resolve) => setImmediate(resolve)); // the lanes of the 60 are given back
    most = 0;
    await Promise.all(Array.from({ length: 4 }, (_, i) => commit.submit(append(`c-${i}`, 100))));
    expect(most).toBe(4);
  });
});
