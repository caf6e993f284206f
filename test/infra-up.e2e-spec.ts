import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The infrastructure step both README commands start with: run as a user would, against the real
// servers. Run twice, it reuses what is there and says so.
describe('npm run infra:up (scripts/infra-up.mjs)', () => {
  const run = () =>
    spawnSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'infra-up.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('reuses the running PostgreSQL and NATS with JetStream, idempotently', () => {
    for (const attempt of [1, 2]) {
      const result = run();
      expect({ attempt, status: result.status, stderr: result.stderr }).toEqual({
        attempt,
        status: 0,
        stderr: expect.any(String),
      });
      expect(result.stdout).toMatch(
        /infrastructure ready: PostgreSQL .* \(running\), NATS .* \(running, JetStream\)/,
      );
    }
  });
});
