// The apps of the platform as deployment sees them: every application project of nest-cli.json with
// its "jineng" block (port, bus kind, files). Shared by the manifest generator, the image build and the
// container test, so an app added to nest-cli.json gets its image and its manifests by re-running them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the gateway serves metrics and the API docs in production (gateway-config's default). */
export const GATEWAY_ADMIN_PORT = 9090;

/**
 * @returns {{ name: string, kind: 'gateway' | 'service', port: number, files: boolean, nodeOptions: string[] }[]}
 *   in name order
 */
export function platformApps(root = repoRoot) {
  const nestCli = JSON.parse(readFileSync(path.join(root, 'nest-cli.json'), 'utf8'));
  return Object.entries(nestCli.projects ?? {})
    .filter(([, project]) => project.type === 'application')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, project]) => {
      const where = `nest-cli.json: projects.${name}.jineng`;
      const { port, bus, files = false, nodeOptions = [] } = project.jineng ?? {};
      if (!/^[a-z][a-z0-9-]*$/.test(name))
        throw new TypeError(`${where}: the app's name must be a DNS label`);
      if (!Number.isInteger(port) || port < 1024 || port > 65535)
        throw new TypeError(`${where}.port must be a port number (1024–65535)`);
      if (bus !== 'gateway' && bus !== 'service')
        throw new TypeError(`${where}.bus must be 'gateway' or 'service'`);
      return { name, kind: bus, port, files: files === true, nodeOptions: nodeOptionsOf(where, nodeOptions) };
    });
}

/**
 * An app's Node.js options (`jineng.nodeOptions`, e.g. a larger young generation for a service that
 * allocates a lot per request: ADR 0008), passed as NODE_OPTIONS in its container and as arguments by
 * `npm start` and the test platform: only options Node accepts in NODE_OPTIONS.
 */
export function nodeOptionsOf(where, nodeOptions) {
  if (
    !Array.isArray(nodeOptions) ||
    !nodeOptions.every((o) => typeof o === 'string' && /^--[a-z][a-z0-9-]*(=\S+)?$/.test(o))
  )
    throw new TypeError(`${where}.nodeOptions must be a list of options like "--max-semi-space-size=32"`);
  return nodeOptions;
}

/** The database role a service runs as (made by its migration step and by CloudNativePG). */
export const databaseRoleOf = (service) => `jineng_${service.replace(/-/g, '_')}`;
/** the audit service's read-only role on a service's events and streams (ADR 0021) */
export const storeReaderRoleOf = (service) => `jineng_audit_reads_${service.replace(/-/g, '_')}`;

/** The image tag of the working tree: its commit (12 hex digits), `-dirty` when files differ from it. */
export function gitTag(root = repoRoot) {
  const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
    cwd: root,
    encoding: 'utf8',
  }).trim();
  return dirty ? `${commit}-dirty` : commit;
}
