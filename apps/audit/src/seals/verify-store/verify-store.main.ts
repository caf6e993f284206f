// An auditor's check of a service's own event store against the published seals, outside the platform:
//
//   node -r ./scripts/ts-register.cjs apps/audit/src/seals/verify-store/verify-store.main.ts \
//     --service class-ops --schema class_ops --database-url postgres://auditor_ro@host/jineng \
//     (--seals-url https://jineng.example.gov.cn | --seals-file seals.json)
//
// Prints the report as one JSON object; exit code 0 when it holds, 1 when it does not, 2 on bad usage.
// It needs only a read-only role on the service's events table and the public seals.
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { verifyAgainstSeals } from '../domain/seal-verifier';
import { fetchPublishedSeals, readPublishedSeals } from './published-seals';
import { storeEventsOf } from './store-events.reader';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      service: { type: 'string' },
      schema: { type: 'string' },
      'database-url': { type: 'string' },
      'seals-url': { type: 'string' },
      'seals-file': { type: 'string' },
    },
  });
  const { service, schema } = values;
  const databaseUrl = values['database-url'] ?? process.env.DATABASE_URL;
  if (!service || !schema || !databaseUrl || (!values['seals-url'] && !values['seals-file'])) {
    process.stderr.write(
      'usage: verify-store --service <name> --schema <schema> --database-url <url> (--seals-url <gateway> | --seals-file <file>)\n',
    );
    return 2;
  }
  const published = values['seals-file']
    ? await readPublishedSeals(values['seals-file'])
    : await fetchPublishedSeals(values['seals-url']!);
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const events = await storeEventsOf(pool, schema, service);
    const report = verifyAgainstSeals({ ...published, service, events });
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await pool.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(2);
  },
);
