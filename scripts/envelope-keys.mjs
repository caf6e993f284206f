// Fresh per-service HMAC keys for authenticated envelopes (docs/adr/0022-per-service-envelope-keys.md):
//
//   node scripts/envelope-keys.mjs <folder> [service …]
//
// writes, mode 0600, one HS256 key (32 random bytes) per service — by default every service of
// nest-cli.json — into <folder>/gateway.keys.json (all of them: the gateway's
// JINENG_ENVELOPE_SIGNING_KEY_FILE) and <folder>/<service>.keys.json (that service's own key only: its
// JINENG_ENVELOPE_VERIFY_KEYS_FILE). Key ids are `<service>-<UTC date>-<random>`. To rotate one
// service's key: add the new key to its file next to the old one and roll it, replace the old key by
// the new one in the gateway's file and roll the gateway, then drop the old key from the service's
// file. `npm start` calls `writeEnvelopeKeys` for keys of its own on every start.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GATEWAY_KEYS_FILE = 'gateway.keys.json';
export const serviceKeysFileName = (service) => `${service}.keys.json`;

/** The services of nest-cli.json: projects on the bus as a service. */
export function platformServices() {
  const cli = JSON.parse(readFileSync(path.join(repoRoot, 'nest-cli.json'), 'utf8'));
  return Object.entries(cli.projects ?? {})
    .filter(([, project]) => project?.jineng?.bus === 'service')
    .map(([name]) => name);
}

/**
 * New keys for `services` in `folder`; answers the gateway's file and each service's, by service.
 * `keyIdOf(service)` names the keys (default `<service>-<UTC date>-<random>`).
 */
export function writeEnvelopeKeys(folder, services = platformServices(), keyIdOf) {
  const date = new Date().toISOString().slice(0, 10);
  const keys = services.map((service) => {
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(service)) throw new Error(`invalid service name '${service}'`);
    return {
      kty: 'oct',
      alg: 'HS256',
      kid: keyIdOf?.(service) ?? `${service}-${date}-${randomBytes(3).toString('hex')}`,
      k: randomBytes(32).toString('base64url'),
      service,
    };
  });
  mkdirSync(folder, { recursive: true });
  const write = (name, jwks) => {
    const file = path.join(folder, name);
    writeFileSync(file, `${JSON.stringify(jwks, null, 2)}\n`, { mode: 0o600 });
    return file;
  };
  const gatewayKeysFile = write(GATEWAY_KEYS_FILE, { keys });
  const serviceKeysFiles = Object.fromEntries(
    keys.map((key) => [key.service, write(serviceKeysFileName(key.service), { keys: [key] })]),
  );
  return {
    gatewayKeysFile,
    serviceKeysFiles,
    keyIds: Object.fromEntries(keys.map((k) => [k.service, k.kid])),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [folder, ...services] = process.argv.slice(2);
  if (!folder) {
    console.error('usage: node scripts/envelope-keys.mjs <folder> [service …]');
    process.exit(2);
  }
  const written = writeEnvelopeKeys(path.resolve(folder), services.length > 0 ? services : undefined);
  console.log(`gateway (every service's key)  ${written.gatewayKeysFile}`);
  for (const [service, file] of Object.entries(written.serviceKeysFiles))
    console.log(`${service.padEnd(30)} ${file}  (key id ${written.keyIds[service]})`);
}
