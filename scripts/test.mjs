// `npm test`: the whole suite — makes sure PostgreSQL and NATS are up (reuse, else start: idempotent),
// then check that libs/contracts matches proto/, formatting (prettier), lint (incl. import boundaries),
// typecheck, the Kubernetes manifests, unit and integration tests against them (test/containers.e2e-spec.ts
// builds the images and runs every app as a container).
// Stops at the first failing step.
import { spawnSync } from 'node:child_process';

const steps = [
  ['infrastructure', 'node', ['scripts/infra-up.mjs']],
  ['contracts', 'node', ['scripts/contracts/check.mjs']],
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  // Kubernetes: generated manifests fresh, overlays rendered, schemas and policies (scripts/deploy/)
  ['deploy manifests', 'node', ['scripts/deploy/check.mjs']],
  ['deploy policies', 'node', ['--test', 'scripts/deploy/']],
  // the web console has its own compiler settings (DOM, JSX, bundler resolution)
  ['typecheck console', 'npx', ['tsc', '-p', 'apps/console/tsconfig.json']],
  ['jest', 'npx', ['jest', '--ci', ...process.argv.slice(2)]],
];
for (const [name, cmd, args] of steps) {
  process.stdout.write(`\n== ${name}: ${cmd} ${args.join(' ')}\n`);
  const started = Date.now();
  const { status, signal } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) {
    process.stdout.write(`\n== ${name} failed (${signal ?? `exit ${status}`})\n`);
    process.exit(status ?? 1);
  }
  process.stdout.write(`== ${name} ok in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
