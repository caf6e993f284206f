// `npm run ops -- …`: see ops-cli.ts.
import { runOps } from './ops-cli';

runOps(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
}).then((code) => process.exit(code));
