// Preloaded into every process of a Jineng image (`node -r /app/scripts/container/preload.cjs …`):
//   1. the app's secrets that it reads from environment variables come from files: every file of
//      JINENG_ENV_DIR (default /var/run/secrets/jineng/env, a Kubernetes secret mounted there) named
//      like an environment variable sets that variable, unless the environment already has it — so no
//      key is ever written into a Deployment or visible in the pod's spec;
//   2. the `@jineng/*` path mapping onto /app/dist (scripts/infra/register-paths.cjs).
const fs = require('node:fs');
const path = require('node:path');

const dir = process.env.JINENG_ENV_DIR || '/var/run/secrets/jineng/env';
let names = [];
try {
  names = fs.readdirSync(dir);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
for (const name of names) {
  if (!/^[A-Z][A-Z0-9_]*$/.test(name) || process.env[name] !== undefined) continue;
  const file = path.join(dir, name);
  if (!fs.statSync(file).isFile()) continue;
  process.env[name] = fs.readFileSync(file, 'utf8').trim();
}

require('../infra/register-paths.cjs');
