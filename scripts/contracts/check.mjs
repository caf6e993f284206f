// `npm run contracts:check` (a step of `npm test`): generates the contracts into a temporary directory
// and compares them with the committed ones, so a .proto changed without regenerating fails the build.
//
//   node scripts/contracts/check.mjs [--proto <dir>] [--generated <dir>]
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  GENERATED_DIR,
  PROTO_DIR,
  generateContracts,
  readIfExists,
  runCli,
  writeContracts,
} from './generate.mjs';

await runCli(async () => {
  const { values } = parseArgs({ options: { proto: { type: 'string' }, generated: { type: 'string' } } });
  const committedDir = path.resolve(values.generated ?? GENERATED_DIR);
  const freshDir = mkdtempSync(path.join(tmpdir(), 'jineng-contracts-'));
  try {
    writeContracts(await generateContracts(path.resolve(values.proto ?? PROTO_DIR)), freshDir);
    const names = [...new Set([...listTs(freshDir), ...listTs(committedDir)])].sort();
    const stale = [];
    for (const name of names) {
      const fresh = readIfExists(path.join(freshDir, name));
      const committed = readIfExists(path.join(committedDir, name));
      if (fresh === committed) continue;
      const why =
        committed === undefined ? 'missing' : fresh === undefined ? 'no longer generated' : 'out of date';
      stale.push(`  ${path.relative(process.cwd(), path.join(committedDir, name))} (${why})`);
    }
    if (stale.length === 0) {
      process.stdout.write(`contracts: ${names.length} generated files are up to date\n`);
      return 0;
    }
    process.stdout.write(
      `contracts: the generated files differ from proto/:\n${stale.join('\n')}\n` +
        'run npm run contracts:generate (and commit the result)\n',
    );
    return 1;
  } finally {
    rmSync(freshDir, { recursive: true, force: true });
  }
});

function listTs(dir) {
  try {
    return readdirSync(dir).filter((name) => name.endsWith('.ts'));
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}
