// `npm run audit -- <command>`: the auditors' command line (apps/audit/README.md). Exit codes: 0 done,
// 1 the gateway refused or failed, 2 a usage error, 3 a finding (a broken chain, a recomputation that differs).
import { CliUsageError, USAGE, parseCliArgs } from './cli-args';
import { runCommand } from './audit-commands';
import { GatewayClient, GatewayError } from './gateway-client';

async function main(): Promise<number> {
  try {
    const args = parseCliArgs(process.argv.slice(2), process.env);
    const gateway = await GatewayClient.signIn(args.gateway, args, {
      notice: (text) => process.stderr.write(text),
    });
    return await runCommand(args, gateway, { out: process.stdout, err: process.stderr });
  } catch (error) {
    if (error instanceof CliUsageError) {
      process.stderr.write(`${error.message}\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof GatewayError) {
      process.stderr.write(`${error.code} (HTTP ${error.status}): ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

void main().then((code) => {
  process.exitCode = code;
});
