import { RequestGrouper } from './request-grouper';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('RequestGrouper: concurrent requests handled as one group, each answered on its own', () => {
  it('groups what arrives while the lane is busy, and answers each its own result', async () => {
    const groups: number[][] = [];
    const gate = deferred<void>();
    const grouper = new RequestGrouper<number, string>(
      async (items) => {
        groups.push([...items]);
        if (groups.length === 1) await gate.promise;
        return items.map((n) => `#${n}`);
      },
      { maxInFlight: 1, maxGroupSize: 10 },
    );
    const first = grouper.submit(1);
    const rest = [2, 3, 4].map((n) => grouper.submit(n));
    gate.resolve();
    expect(await Promise.all([first, ...rest])).toEqual(['#1', '#2', '#3', '#4']);
    expect(groups).toEqual([[1], [2, 3, 4]]);
  });

  it('waits lingerMs on a free lane to gather requests arriving within it', async () => {
    const groups: number[][] = [];
    const grouper = new RequestGrouper<number, number>(
      async (items) => {
        groups.push([...items]);
        return items.map((n) => n * 2);
      },
      { maxInFlight: 2, maxGroupSize: 3, lingerMs: 20 },
    );
    const answers = Promise.all([1, 2, 3, 4, 5].map((n) => grouper.submit(n)));
    expect(await answers).toEqual([2, 4, 6, 8, 10]);
    expect(groups).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('a group failing as a whole is handled again one by one: only the one at fault fails', async () => {
    const groups: number[][] = [];
    const grouper = new RequestGrouper<number, number>(
      async (items) => {
        groups.push([...items]);
        if (items.includes(3)) throw new Error('three is bad');
        return items.map((n) => n + 100);
      },
      { maxInFlight: 1, maxGroupSize: 10, lingerMs: 5 },
    );
    const settled = await Promise.allSettled([1, 2, 3, 4].map((n) => grouper.submit(n)));
    expect(settled).toEqual([
      { status: 'fulfilled', value: 101 },
      { status: 'fulfilled', value: 102 },
      { status: 'rejected', reason: new Error('three is bad') },
      { status: 'fulfilled', value: 104 },
    ]);
    expect(groups).toEqual([[1, 2, 3, 4], [1], [2], [3], [4]]);
  });

  it('never runs more groups at once than it has lanes', async () => {
    let running = 0;
    let most = 0;
    const grouper = new RequestGrouper<number, number>(
      async (items) => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return [...items];
      },
      { maxInFlight: 2, maxGroupSize: 1 },
    );
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => grouper.submit(i)));
    expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(2);
  });

  it('a handler answering the wrong number of results fails its callers rather than mismatching', async () => {
    const grouper = new RequestGrouper<number, number>(async () => [1], {
      maxInFlight: 1,
      maxGroupSize: 5,
      lingerMs: 5,
    });
    const settled = await Promise.allSettled([grouper.submit(1), grouper.submit(2)]);
    // one by one, each answers one result again
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled']);
    const wrong = new RequestGrouper<number, number>(async () => [], { maxInFlight: 1, maxGroupSize: 5 });
    await expect(wrong.submit(1)).rejects.toThrow('a group of 1 answered 0 results');
  });
});
