// Authenticated envelopes in tests (docs/adr/0022-per-service-envelope-keys.md): one fresh HS256 key
// per service per test process, written to a temporary folder as the files the gateway and the
// services read — the gateway's (every service's key, JINENG_ENVELOPE_SIGNING_KEY_FILE) and each
// service's own (JINENG_ENVELOPE_VERIFY_KEYS_FILE). The services of nest-cli.json have keys from the
// start; a test's own service (a probe) gets one when it first asks, and the gateway's file and
// signer learn it then. A test gives an app its keys explicitly — `envelopeKeyEnv(app)` in its
// environment (`startPlatform` does it for every app) — and sends its own requests with
// `signingRpcClient`, as the gateway would: nothing is switched off for tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  EnvelopeSigner,
  generateEnvelopeMacJwk,
  gatewayKeysFromJwks,
  RpcClient,
  serviceKeysFromJwks,
  type EnvelopeMacJwk,
  type EnvelopeMacKey,
  type GatewayEnvelopeKeys,
  type RpcClientOptions,
  type ServiceEnvelopeKeys,
} from '@jineng/messaging';
import type { ClientProxy } from '@nestjs/microservices';

const repoRoot = path.resolve(__dirname, '../../../..');
const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export interface TestEnvelopeKeys {
  /** the gateway's file: one key per service */
  readonly gatewayKeysFile: string;
  /** `service`'s own file (its key made, and added to the gateway's, on the first ask) */
  serviceKeysFile(service: string): string;
  /** the gateway's keys, for tests that sign otherwise (expired, for another subject…) */
  readonly gatewayKeys: GatewayEnvelopeKeys;
  /** `service`'s own keys, as the service reads them */
  serviceKeys(service: string): ServiceEnvelopeKeys;
  /** signs as the gateway does (for a service without a key yet, with a new one) */
  readonly signer: EnvelopeSigner;
}

let keys: TestEnvelopeKeys | undefined;

/** The keys `known`, and a new one (made by `add`) for a service asked for that has none yet. */
class GrowingKeys implements ReadonlyMap<string, EnvelopeMacKey> {
  constructor(
    private readonly known: Map<string, EnvelopeMacKey>,
    private readonly add: (service: string) => void,
  ) {}

  get(service: string): EnvelopeMacKey | undefined {
    if (!this.known.has(service) && SERVICE_NAME.test(service)) this.add(service);
    return this.known.get(service);
  }

  has(service: string): boolean {
    return this.known.has(service);
  }

  get size(): number {
    return this.known.size;
  }

  forEach(
    callback: (value: EnvelopeMacKey, key: string, map: ReadonlyMap<string, EnvelopeMacKey>) => void,
  ): void {
    this.known.forEach((value, key) => callback(value, key, this));
  }

  entries(): MapIterator<[string, EnvelopeMacKey]> {
    return this.known.entries();
  }

  keys(): MapIterator<string> {
    return this.known.keys();
  }

  values(): MapIterator<EnvelopeMacKey> {
    return this.known.values();
  }

  [Symbol.iterator](): MapIterator<[string, EnvelopeMacKey]> {
    return this.known.entries();
  }
}

/** The services of nest-cli.json (projects on the bus as a service). */
function platformServices(): string[] {
  const cli = JSON.parse(readFileSync(path.join(repoRoot, 'nest-cli.json'), 'utf8')) as {
    projects: Record<string, { jineng?: { bus?: string } }>;
  };
  return Object.entries(cli.projects)
    .filter(([, project]) => project.jineng?.bus === 'service')
    .map(([name]) => name);
}

export function testEnvelopeKeys(): TestEnvelopeKeys {
  if (keys) return keys;
  const dir = mkdtempSync(path.join(tmpdir(), 'jineng-envelope-keys-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const jwks = new Map<string, EnvelopeMacJwk>();
  const gatewayKeysFile = path.join(dir, 'gateway.keys.json');
  const gatewayKeys = new Map<string, EnvelopeMacKey>();
  const add = (service: string) => {
    const jwk = generateEnvelopeMacJwk(service, `test-${process.pid}-${service}`);
    jwks.set(service, jwk);
    writeFileSync(path.join(dir, `${service}.keys.json`), JSON.stringify({ keys: [jwk] }), { mode: 0o600 });
    writeFileSync(gatewayKeysFile, JSON.stringify({ keys: [...jwks.values()] }), { mode: 0o600 });
    for (const [name, key] of gatewayKeysFromJwks({ keys: [...jwks.values()] })) gatewayKeys.set(name, key);
  };
  for (const service of platformServices()) add(service);
  const serviceKeysFile = (service: string) => {
    if (!jwks.has(service)) add(service);
    return path.join(dir, `${service}.keys.json`);
  };
  keys = {
    gatewayKeysFile,
    serviceKeysFile,
    gatewayKeys,
    serviceKeys: (service) => {
      serviceKeysFile(service);
      return serviceKeysFromJwks({ keys: [jwks.get(service)!] }, service);
    },
    // the signer's view of the gateway's keys: a test's own service gets its key when a request to
    // it is first signed
    signer: new EnvelopeSigner(new GrowingKeys(gatewayKeys, add)),
  };
  return keys;
}

/**
 * The key file in the environment of `app`: the gateway's (it MACs for every service) or a
 * service's own (it verifies with it).
 */
export function envelopeKeyEnv(
  app: string,
): { JINENG_ENVELOPE_SIGNING_KEY_FILE: string } | { JINENG_ENVELOPE_VERIFY_KEYS_FILE: string } {
  const test = testEnvelopeKeys();
  return app === 'gateway'
    ? { JINENG_ENVELOPE_SIGNING_KEY_FILE: test.gatewayKeysFile }
    : { JINENG_ENVELOPE_VERIFY_KEYS_FILE: test.serviceKeysFile(app) };
}

/** A request/reply client that MACs its envelopes with the test keys, as the gateway's does. */
export function signingRpcClient(
  proxy: ClientProxy,
  options: Omit<RpcClientOptions, 'signer'> = {},
): RpcClient {
  return new RpcClient(proxy, { ...options, signer: testEnvelopeKeys().signer });
}
