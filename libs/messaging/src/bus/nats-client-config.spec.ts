import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nkeys } from '@nats-io/transport-node';
import { NatsClientConfigError, natsClientConfigFromEnv } from './nats-client-config';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jineng-nats-client-'));
const file = (name: string, content: string) => {
  const full = path.join(dir, name);
  writeFileSync(full, content);
  return full;
};

function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    natsClientConfigFromEnv('registry', env);
  } catch (error) {
    if (error instanceof NatsClientConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('natsClientConfigFromEnv', () => {
  it('without credentials: an unauthenticated connection with the app inbox prefix', () => {
    expect(natsClientConfigFromEnv('registry', {})).toEqual({
      connectOptions: { inboxPrefix: '_INBOX_registry' },
      authentication: 'none',
      tls: false,
    });
  });

  it('reads an nkey seed and TLS files named by the environment', () => {
    const seed = new TextDecoder().decode(nkeys.createUser().getSeed());
    const config = natsClientConfigFromEnv('registry', {
      JINENG_NATS_NKEY_SEED_FILE: file('registry.nk', `${seed}\n`),
      JINENG_NATS_TLS_CA_FILE: file('ca.crt', 'CA'),
    });
    expect(config.authentication).toBe('nkey');
    expect(typeof config.connectOptions.authenticator).toBe('function');
    expect(config.connectOptions.tls).toEqual({ caFile: path.join(dir, 'ca.crt') });
    expect(config.tls).toBe(true);
  });

  it('names every problem: unreadable files, a seed that is not one, two methods, half a client certificate', () => {
    expect(
      problemsOf({
        JINENG_NATS_NKEY_SEED_FILE: file('bad.nk', 'not a seed'),
        JINENG_NATS_USER: 'registry',
        JINENG_NATS_PASSWORD_FILE: path.join(dir, 'missing'),
        JINENG_NATS_TLS_CERT_FILE: file('client.crt', 'CERT'),
      }),
    ).toEqual([
      'set one of JINENG_NATS_NKEY_SEED_FILE, JINENG_NATS_USER, not several',
      'JINENG_NATS_NKEY_SEED_FILE does not hold a user nkey seed',
      'JINENG_NATS_TLS_CERT_FILE and JINENG_NATS_TLS_KEY_FILE go together',
    ]);
    expect(
      problemsOf({ JINENG_NATS_USER: 'registry', JINENG_NATS_PASSWORD_FILE: path.join(dir, 'missing') }),
    ).toEqual([expect.stringMatching(/^JINENG_NATS_PASSWORD_FILE: cannot read .*missing/)]);
  });
});
