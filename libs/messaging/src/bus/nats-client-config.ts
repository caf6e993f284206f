// How an app proves who it is on the bus, from configuration (ADR 0002, decision 10). Secrets are files
// (Kubernetes mounts them); the environment only names them:
//   JINENG_NATS_NKEY_SEED_FILE                       the app's nkey seed (what deploy/ uses), or
//   JINENG_NATS_CREDS_FILE                           a JWT .creds file (operator mode), or
//   JINENG_NATS_USER + JINENG_NATS_PASSWORD_FILE     a user and password;
//   JINENG_NATS_TLS_CA_FILE                          the CA that signed the server's certificate;
//   JINENG_NATS_TLS_CERT_FILE + _KEY_FILE            a client certificate, where the server asks for one.
// None of them: an unauthenticated connection (a local development server), which the app says in its log.
import { readFileSync } from 'node:fs';
import {
  credsAuthenticator,
  nkeyAuthenticator,
  usernamePasswordAuthenticator,
  type NodeConnectionOptions,
} from '@nats-io/transport-node';
import { inboxPrefixOf } from './bus-identity';

export interface NatsClientConfig {
  /** for every NATS connection of the app: its credentials, TLS and its own inbox prefix */
  readonly connectOptions: Partial<NodeConnectionOptions>;
  readonly authentication: 'nkey' | 'creds' | 'password' | 'none';
  readonly tls: boolean;
}

export class NatsClientConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid NATS client configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'NatsClientConfigError';
  }
}

export const NATS_CREDENTIAL_VARIABLES = [
  'JINENG_NATS_NKEY_SEED_FILE',
  'JINENG_NATS_CREDS_FILE',
  'JINENG_NATS_USER',
] as const;

export function natsClientConfigFromEnv(app: string, env: NodeJS.ProcessEnv = process.env): NatsClientConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const file = env[name];
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push(`${name}: cannot read ${file}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const given = NATS_CREDENTIAL_VARIABLES.filter((name) => env[name]);
  if (given.length > 1) problems.push(`set one of ${given.join(', ')}, not several`);

  let authentication: NatsClientConfig['authentication'] = 'none';
  const connectOptions: Partial<NodeConnectionOptions> = { inboxPrefix: inboxPrefixOf(app) };
  const seed = read('JINENG_NATS_NKEY_SEED_FILE');
  const creds = read('JINENG_NATS_CREDS_FILE');
  if (seed !== undefined) {
    if (!/^SU[A-Z2-7]{56}$/.test(seed))
      problems.push('JINENG_NATS_NKEY_SEED_FILE does not hold a user nkey seed');
    connectOptions.authenticator = nkeyAuthenticator(new TextEncoder().encode(seed));
    authentication = 'nkey';
  } else if (creds !== undefined) {
    connectOptions.authenticator = credsAuthenticator(new TextEncoder().encode(creds));
    authentication = 'creds';
  } else if (env.JINENG_NATS_USER) {
    const password = read('JINENG_NATS_PASSWORD_FILE');
    if (password === undefined && !env.JINENG_NATS_PASSWORD_FILE)
      problems.push('JINENG_NATS_USER needs JINENG_NATS_PASSWORD_FILE');
    connectOptions.authenticator = usernamePasswordAuthenticator(env.JINENG_NATS_USER, password ?? '');
    authentication = 'password';
  }

  const tls = {
    caFile: env.JINENG_NATS_TLS_CA_FILE,
    certFile: env.JINENG_NATS_TLS_CERT_FILE,
    keyFile: env.JINENG_NATS_TLS_KEY_FILE,
  };
  if (Boolean(tls.certFile) !== Boolean(tls.keyFile))
    problems.push('JINENG_NATS_TLS_CERT_FILE and JINENG_NATS_TLS_KEY_FILE go together');
  for (const [name, file] of Object.entries({
    JINENG_NATS_TLS_CA_FILE: tls.caFile,
    JINENG_NATS_TLS_CERT_FILE: tls.certFile,
    JINENG_NATS_TLS_KEY_FILE: tls.keyFile,
  })) {
    if (file) read(name);
  }
  const withTls = Boolean(tls.caFile || tls.certFile);
  if (withTls)
    connectOptions.tls = Object.fromEntries(Object.entries(tls).filter(([, file]) => file)) as Record<
      string,
      string
    >;

  if (problems.length > 0) throw new NatsClientConfigError(problems);
  return { connectOptions, authentication, tls: withTls };
}
