// The bus's operator commands, from the repository root (npm scripts) or the built image (a Job):
//   config [--check]  write deploy/k8s/base/nats/auth.conf from the apps of nest-cli.json
//                     (--check: fail when it differs, as `npm test` does)
//   nkeys <dir>       an nkey seed per app (<dir>/<app>.nk, kept when present) and <dir>/public-keys.env
//                     (JINENG_NKEY_<APP>=U…) for nats-server's environment
//   provision         create or update JINENG_EVENTS and JINENG_DLQ, and create the files bucket of each
//                     service that declares "files", as the provisioner (NATS_URL,
//                     JINENG_NATS_NKEY_SEED_FILE, JINENG_EVENTS_REPLICAS, JINENG_EVENTS_DUPLICATE_WINDOW_MS)
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nkeys } from '@nats-io/transport-node';
import { messagingConfigFromEnv } from '../messaging-config';
import { connectNats } from '../nats-connection';
import { PROVISIONER } from './bus-identity';
import { natsClientConfigFromEnv } from './nats-client-config';
import { natsAuthorizationConfig, nkeyVariableOf } from './nats-server-config';
import { platformBusApps } from './platform-apps';
import { provisionBus } from './provision';

export const AUTH_CONFIG_FILE = 'deploy/k8s/base/nats/auth.conf';

/** The apps of the platform described by the nest-cli.json under `root`. */
function appsOf(root: string) {
  return platformBusApps(JSON.parse(readFileSync(path.join(root, 'nest-cli.json'), 'utf8')));
}

/** The authorization block of the platform described by the nest-cli.json under `root`. */
export function platformAuthorizationConfig(root: string): string {
  return natsAuthorizationConfig(appsOf(root));
}

async function main(command: string | undefined, args: readonly string[]): Promise<number> {
  const root = process.cwd();
  switch (command) {
    case 'config': {
      const file = path.join(root, AUTH_CONFIG_FILE);
      const generated = platformAuthorizationConfig(root);
      const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (args[0] === '--check') {
        if (current === generated) return 0;
        process.stderr.write(
          `${AUTH_CONFIG_FILE} is not what nest-cli.json describes: run npm run bus:config\n`,
        );
        return 1;
      }
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, generated);
      process.stdout.write(`wrote ${AUTH_CONFIG_FILE}\n`);
      return 0;
    }
    case 'nkeys': {
      const dir = args[0];
      if (!dir) throw new Error('usage: nkeys <dir>');
      mkdirSync(dir, { recursive: true });
      const lines: string[] = [];
      for (const app of appsOf(root)) {
        const file = path.join(dir, `${app.name}.nk`);
        if (!existsSync(file)) {
          writeFileSync(file, new TextDecoder().decode(nkeys.createUser().getSeed()));
          chmodSync(file, 0o600);
        }
        const pair = nkeys.fromSeed(new TextEncoder().encode(readFileSync(file, 'utf8').trim()));
        lines.push(`${nkeyVariableOf(app.name)}=${pair.getPublicKey()}`);
      }
      writeFileSync(path.join(dir, 'public-keys.env'), `${lines.join('\n')}\n`);
      process.stdout.write(`seeds and ${path.join(dir, 'public-keys.env')} in ${dir}\n`);
      return 0;
    }
    case 'provision': {
      const settings = messagingConfigFromEnv();
      const nc = await connectNats(settings.natsUrl, 'jineng-provisioner', {
        ...natsClientConfigFromEnv(PROVISIONER.name).connectOptions,
        maxReconnectAttempts: 10,
      });
      let buckets: string[];
      try {
        buckets = await provisionBus(nc, appsOf(root), settings);
      } finally {
        await nc.close();
      }
      process.stdout.write(
        `streams provisioned: ${settings.replicas} replica(s), duplicate window ${settings.duplicateWindowMs} ms; ` +
          `files buckets of ${buckets.join(', ') || 'no service'}\n`,
      );
      return 0;
    }
    default:
      process.stderr.write('usage: bus-tool.main (config [--check] | nkeys <dir> | provision)\n');
      return 2;
  }
}

if (require.main === module) {
  main(process.argv[2], process.argv.slice(3)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
