import { runHealthChecks, type HealthCheck } from './health-check';

const up = (name: string): HealthCheck => ({ name, check: async () => undefined });
const failing = (name: string, message: string): HealthCheck => ({
  name,
  check: async () => {
    throw new Error(message);
  },
});
const hanging = (name: string): HealthCheck => ({ name, check: () => new Promise<void>(() => undefined) });

describe('runHealthChecks', () => {
  it('is up when every check is up', async () => {
    const report = await runHealthChecks([up('nats'), up('postgres')], 1000);
    expect(report).toEqual({
      status: 'up',
      checks: {
        nats: { status: 'up', durationMs: expect.any(Number) },
        postgres: { status: 'up', durationMs: expect.any(Number) },
      },
    });
  });

  it('is up with no checks at all', async () => {
    await expect(runHealthChecks([], 1000)).resolves.toEqual({ status: 'up', checks: {} });
  });

  it('names the failed check and its reason, on one line', async () => {
    const report = await runHealthChecks(
      [up('postgres'), failing('nats', 'CONNECTION_REFUSED\n    at x')],
      1000,
    );
    expect(report.status).toBe('down');
    expect(report.checks.postgres.status).toBe('up');
    expect(report.checks.nats).toEqual({
      status: 'down',
      durationMs: expect.any(Number),
      error: 'CONNECTION_REFUSED',
    });
  });

  it('counts a check that does not answer in time as down', async () => {
    const report = await runHealthChecks([hanging('nats')], 50);
    expect(report.checks.nats).toEqual({
      status: 'down',
      durationMs: expect.any(Number),
      error: 'no answer within 50 ms',
    });
  });
});
