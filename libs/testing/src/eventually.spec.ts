import { eventually } from './eventually';

describe('eventually', () => {
  it('retries until the probe passes and resolves with its value', async () => {
    let attempts = 0;
    const value = await eventually(
      () => {
        attempts++;
        if (attempts < 4) throw new Error(`not yet (${attempts})`);
        return 'ready';
      },
      { timeoutMs: 2000, intervalMs: 5 },
    );
    expect(value).toBe('ready');
    expect(attempts).toBe(4);
  });

  it('awaits asynchronous probes and retries their rejections', async () => {
    let attempts = 0;
    const value = await eventually(
      async () => {
        attempts++;
        if (attempts < 3) throw new Error('not yet');
        return attempts;
      },
      { timeoutMs: 2000, intervalMs: 5 },
    );
    expect(value).toBe(3);
  });

  it('on timeout rejects with the last error, saying how long it waited', async () => {
    let attempts = 0;
    const started = Date.now();
    const failure = await eventually(
      () => {
        attempts++;
        throw new Error(`attempt ${attempts} failed`);
      },
      { timeoutMs: 150, intervalMs: 10 },
    ).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(145); // 150 ms, give or take clock rounding
    expect(failure).toBeInstanceOf(Error);
    // the last attempt's assertion, not the first one's
    expect(failure?.message).toMatch(new RegExp(`^attempt ${attempts} failed\n`));
    expect(attempts).toBeGreaterThan(2);
    expect(failure?.message).toMatch(/still failing after \d+ ms and \d+ attempts/);
    expect(failure?.stack).toMatch(/still failing after/);
  });

  it('wraps a thrown non-Error value', async () => {
    await expect(
      eventually(() => Promise.reject('plain string'), { timeoutMs: 30, intervalMs: 5 }),
    ).rejects.toThrow(/^plain string\n\(eventually: still failing after/);
  });

  it('gives up on a probe that never settles', async () => {
    const started = Date.now();
    await expect(
      eventually(() => new Promise<never>(() => undefined), { timeoutMs: 100, intervalMs: 10 }),
    ).rejects.toThrow(/probe did not settle within \d+ ms/);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
