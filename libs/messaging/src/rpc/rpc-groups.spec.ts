import { defineDomainError } from '@jineng/ddd';
import { answerEach, isGroupReply, RequestQueue, type Waiting } from './rpc-groups';

/** A queue whose sends the test settles by hand, recording each batch it was given. */
function queueWith(limits: { inFlight: number; maxRequests: number }) {
  const sent: { items: number[]; settle: () => void }[] = [];
  const queue = new RequestQueue<number>(
    limits,
    (batch: readonly Waiting<number>[]) =>
      new Promise<void>((done) =>
        sent.push({
          items: batch.map((w) => w.item),
          settle: () => {
            batch.forEach((w) => w.resolve(w.item * 10));
            done();
          },
        }),
      ),
  );
  return { queue, sent };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('RequestQueue', () => {
  it('sends a request alone at once when a slot is free, and the ones arriving meanwhile together after it', async () => {
    const { queue, sent } = queueWith({ inFlight: 1, maxRequests: 64 });
    const first = queue.add(1);
    expect(sent.map((s) => s.items)).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => queue.add(n));
    expect(sent).toHaveLength(1);
    sent[0].settle();
    await expect(first).resolves.toBe(10);
    await turn();
    expect(sent.map((s) => s.items)).toEqual([[1], [2, 3, 4]]);
    sent[1].settle();
    await expect(Promise.all(later)).resolves.toEqual([20, 30, 40]);
  });

  it('keeps at most inFlight sends out and at most maxRequests in one', async () => {
    const { queue, sent } = queueWith({ inFlight: 2, maxRequests: 3 });
    const all = Array.from({ length: 9 }, (_, i) => queue.add(i));
    expect(sent.map((s) => s.items)).toEqual([[0], [1]]);
    sent[0].settle();
    await turn();
    expect(sent.map((s) => s.items)).toEqual([[0], [1], [2, 3, 4]]);
    sent[1].settle();
    await turn();
    expect(sent.map((s) => s.items)).toEqual([[0], [1], [2, 3, 4], [5, 6, 7]]);
    sent[2].settle();
    await turn();
    expect(sent[4].items).toEqual([8]);
    sent[3].settle();
    sent[4].settle();
    await expect(Promise.all(all)).resolves.toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('a send that throws fails its own batch only; the queue goes on', async () => {
    let calls = 0;
    const queue = new RequestQueue<number>({ inFlight: 1, maxRequests: 10 }, async (batch) => {
      calls += 1;
      if (calls === 1) throw new Error('bus gone');
      batch.forEach((w) => w.resolve(w.item));
    });
    const failed = queue.add(1);
    const next = queue.add(2);
    await expect(failed).rejects.toThrow('bus gone');
    await expect(next).resolves.toBe(2);
  });

  it('refuses limits that are not positive integers', () => {
    expect(() => new RequestQueue({ inFlight: 0, maxRequests: 1 }, async () => undefined)).toThrow(
      RangeError,
    );
    expect(() => new RequestQueue({ inFlight: 1, maxRequests: 1.5 }, async () => undefined)).toThrow(
      RangeError,
    );
  });
});

class Refused extends defineDomainError<{ n: number }>({
  code: 'PROBE.REFUSED',
  category: 'illegal_state',
  zh: (d) => `拒绝 ${d.n}`,
  en: (d) => `refused ${d.n}`,
}) {}

describe('answerEach', () => {
  const logger = { error: jest.fn() };

  it('answers each request in order: values, domain errors as their JSON, other failures as the generic one, logged', async () => {
    const requests = [1, 2, 3].map((n) => ({ envelope: {}, payload: { n } }));
    const reply = await answerEach(
      { envelope: {}, payload: { requests } },
      (request) => {
        const n = (request as { payload: { n: number } }).payload.n;
        if (n === 2) throw new Refused({ n });
        if (n === 3) throw new Error('secret internals');
        return { doubled: n * 2 };
      },
      logger,
    );
    expect(reply.answers).toEqual([
      { ok: true, value: { doubled: 2 } },
      { ok: false, error: expect.objectContaining({ code: 'PROBE.REFUSED', details: { n: 2 } }) },
      { ok: false, error: expect.objectContaining({ code: 'MESSAGING.REMOTE_FAILURE' }) },
    ]);
    expect(JSON.stringify(reply)).not.toContain('secret internals');
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('secret internals'));
    expect(isGroupReply(reply, 3)).toBe(true);
    expect(isGroupReply(reply, 4)).toBe(false);
  });

  it('refuses a group that is not a list of 1 to 256 requests', async () => {
    for (const payload of [{}, { requests: [] }, { requests: 'x' }, { requests: new Array(257).fill({}) }])
      await expect(answerEach({ envelope: {}, payload }, () => 1, logger)).rejects.toMatchObject({
        code: 'MESSAGING.INVALID_REQUEST',
        details: { field: 'payload.requests' },
      });
  });
});
