// The migration step as deploy/k8s runs it (each service's `migrate` init container): `main.ts migrate`
// with the configuration map's environment — which names the NATS seed and CA files the init container
// does not mount — and no envelope keys. It reads only the database settings, applies every migration
// the service declares (registry-004 and registry-005 included, in their order), grants the runtime role and exits 0; the service itself
// still refuses to start without its NATS identity and envelope keys.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';

const root = path.join(__dirname, '..');

let db: TestDatabase;

beforeAll(async () => {
  db = await connectTestDatabase('migration_step');
});
afterAll(() => db.dispose());

/** Runs apps/registry/src/main.ts (with `args`) to its exit: its exit code and its JSON log lines. */
function registry(
  args: readonly string[],
  env: Record<string, string>,
): Promise<{ code: number | null; lines: Record<string, unknown>[] }> {
  const child = spawn(
    process.execPath,
    [
      '-r',
      path.join(root, 'scripts', 'ts-register.cjs'),
      path.join(root, 'apps', 'registry', 'src', 'main.ts'),
      ...args,
    ],
    { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  return new Promise((resolve) =>
    child.on('exit', (code) =>
      resolve({
        code,
        lines: out
          .split('\n')
          .filter((line) => line.trim())
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      }),
    ),
  );
}

it('applies the registry migrations as the migrator with the database settings only, then the service needs the rest', async () => {
  const schema = await db.freshSchema();
  const role = db.runtimeRole();
  const env = {
    DATABASE_URL: role.url,
    JINENG_MIGRATOR_DATABASE_URL: db.url,
    JINENG_SCHEMA: schema,
    // what jineng-config names for every container; the migrate init container mounts neither file
    JINENG_NATS_NKEY_SEED_FILE: '/var/run/secrets/jineng/nats/seed',
    JINENG_NATS_TLS_CA_FILE: '/var/run/secrets/jineng/nats-ca/ca.crt',
  };

  const migrated = await registry(['migrate'], env);
  expect(migrated.code).toBe(0);
  expect(migrated.lines).toContainEqual(
    expect.objectContaining({
      message: expect.stringMatching(
        new RegExp(
          `^schema ${schema}: applied .*registry-004-roster-import-request-digest, registry-005-roster-upload-part-sizes, registry-006-worker-hard-to-move-into-work; runtime role ${role.name} granted$`,
        ),
      ),
    }),
  );
  const { rows } = await db.pool.query<{ id: string }>(`select id from "${schema}".schema_migrations`);
  expect(rows.map((row) => row.id)).toEqual(
    expect.arrayContaining([
      'registry-004-roster-import-request-digest',
      'registry-005-roster-upload-part-sizes',
    ]),
  );
  const privileges = await db.pool.query(
    `select has_column_privilege($1, $2, 'request_digest', 'INSERT') as "insert",
            has_column_privilege($1, $3, 'content_bytes', 'INSERT') as "insertPartSize",
            has_schema_privilege($1, $4, 'CREATE') as "create"`,
    [role.name, `"${schema}".roster_imports`, `"${schema}".roster_upload_parts`, schema],
  );
  expect(privileges.rows[0]).toEqual({ insert: true, insertPartSize: true, create: false });

  // the service itself, with the same environment, does not start: it names what it lacks
  const started = await registry([], { ...env, PORT: '0', HOST: '127.0.0.1' });
  expect(started.code).toBe(1);
  const fatal = JSON.stringify(started.lines.filter((line) => line.level === 'fatal'));
  expect(fatal).toContain('JINENG_NATS_NKEY_SEED_FILE');
  expect(fatal).toContain('JINENG_ENVELOPE_VERIFY_KEYS_FILE is required');
});
