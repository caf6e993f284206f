import { correlationIdFrom, currentCorrelationId, runWithCorrelationId } from './correlation-context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('correlation context', () => {
  it('keeps the id across awaits and timers inside the run, and has none outside', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    const seen = await runWithCorrelationId('req-1', async () => {
      await Promise.resolve();
      const inTimer = await new Promise<string | undefined>((resolve) =>
        setTimeout(() => resolve(currentCorrelationId()), 1),
      );
      return [currentCorrelationId(), inTimer];
    });
    expect(seen).toEqual(['req-1', 'req-1']);
    expect(currentCorrelationId()).toBeUndefined();
  });

  it('keeps concurrent runs apart', async () => {
    const run = (id: string, waitMs: number) =>
      runWithCorrelationId(id, async () => {
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        return currentCorrelationId();
      });
    await expect(Promise.all([run('a', 5), run('b', 1)])).resolves.toEqual(['a', 'b']);
  });

  it("takes the caller's id when it is a short token of safe characters", () => {
    expect(correlationIdFrom('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toBe(
      '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    );
    expect(correlationIdFrom('trace:abc.1_2-3')).toBe('trace:abc.1_2-3');
    expect(correlationIdFrom(['first', 'second'])).toBe('first');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['with a line break (log forging)', 'abc\n{"level":"error"}'],
    ['with spaces', 'a b'],
    ['too long', 'x'.repeat(129)],
    ['starting with punctuation', '-abc'],
  ])('generates a new UUID when the header is %s', (_, header) => {
    expect(correlationIdFrom(header)).toMatch(UUID);
  });
});
