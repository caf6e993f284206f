// `npm run deploy:check` (a step of `npm test`): the Kubernetes manifests as a cluster would get them.
//   1. the generated files are what nest-cli.json describes (scripts/deploy/generate.mjs --check);
//   2. every overlay renders with `kubectl kustomize` — with this machine's kubectl, and with Debian's
//      kubernetes-client 1.20 (kustomize 2) too where .ci/run unpacked it (~/.cache/jineng/kubernetes-client,
//      or JINENG_LEGACY_KUBECTL) — and both render the same objects;
//   3. every rendered object validates against its schema: the core kinds (kubernetes-models), the
//      cert-manager, Prometheus-operator and CloudNativePG kinds (their published CRD schemas,
//      @kubernetes-models/*); CloudNativePG's also against our stricter schemas of the fields we use
//      (scripts/deploy/cnpg-schema.mjs: no unknown field, one way to bootstrap) and its cross-field
//      rules; a kind without a schema fails;
//   4. the policies of scripts/deploy/policy.mjs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { generatedFiles } from './generate.mjs';
import { platformApps, repoRoot } from './platform.mjs';
import { POLICIES, everyApp } from './policy.mjs';
import { clusterSchema, scheduledBackupSchema } from './cnpg-schema.mjs';

const OVERLAYS = ['dev', 'prod', 'prod-restore'];

/** The kubectl binaries to render with: this machine's, and Debian's 1.20 where it is unpacked. */
function kubectls() {
  const found = [];
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    found.push('kubectl');
  } catch {
    throw new Error("kubectl is missing: .ci/run installs Debian's kubernetes-client where none exists");
  }
  const legacy =
    process.env.JINENG_LEGACY_KUBECTL ||
    path.join(
      process.env.JINENG_CACHE_DIR || path.join(os.homedir(), '.cache', 'jineng'),
      'kubernetes-client',
      'usr',
      'bin',
      'kubectl',
    );
  if (existsSync(legacy)) found.push(legacy);
  return found;
}

export function render(kubectl, dir) {
  const text = execFileSync(kubectl, ['kustomize', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 << 20,
  });
  return parseAllDocuments(text)
    .map((doc) => {
      if (doc.errors.length > 0) throw doc.errors[0];
      return doc.toJS();
    })
    .filter(Boolean);
}

const key = (o) => `${o.apiVersion} ${o.kind} ${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
const canonical = (value) =>
  Array.isArray(value)
    ? value.map(canonical)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, canonical(value[k])]),
        )
      : value;

const ajv = new Ajv({ allErrors: true, strict: false });
const CNPG = { Cluster: ajv.compile(clusterSchema), ScheduledBackup: ajv.compile(scheduledBackupSchema) };

async function modelOf(object) {
  const [group, version] = object.apiVersion.includes('/')
    ? object.apiVersion.split('/')
    : ['', object.apiVersion];
  const modules = {
    'cert-manager.io': `@kubernetes-models/cert-manager/cert-manager.io/${version}`,
    'monitoring.coreos.com': `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}`,
    'postgresql.cnpg.io': `@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/${version}`,
  };
  const specifier =
    modules[group] ?? (group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`);
  try {
    return (await import(specifier))[object.kind];
  } catch {
    return undefined;
  }
}

/** Schema problems of the rendered objects. */
export async function schemaProblems(objects) {
  const problems = [];
  for (const object of objects) {
    const where = `${object.kind}/${object.metadata?.name}`;
    if (object.apiVersion === 'postgresql.cnpg.io/v1') {
      const validate = CNPG[object.kind];
      if (!validate) problems.push(`${where}: no schema for postgresql.cnpg.io/v1 ${object.kind}`);
      else if (!validate(object))
        problems.push(...validate.errors.map((e) => `${where}: ${e.instancePath || '/'} ${e.message}`));
      if (object.kind === 'Cluster' && object.spec.maxSyncReplicas >= object.spec.instances)
        problems.push(`${where}: maxSyncReplicas must be lower than instances`);
      if (object.kind === 'Cluster' && object.spec.minSyncReplicas > object.spec.maxSyncReplicas)
        problems.push(`${where}: minSyncReplicas must not exceed maxSyncReplicas`);
      const source = object.kind === 'Cluster' ? object.spec.bootstrap?.recovery?.source : undefined;
      if (source && !(object.spec.externalClusters ?? []).some((c) => c.name === source))
        problems.push(`${where}: recovers from ${source}, which is not in externalClusters`);
    }
    const Model = await modelOf(object);
    if (!Model) {
      problems.push(`${where}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (error) {
      problems.push(`${where}: ${error.message}`);
    }
  }
  return problems;
}

async function main() {
  const problems = [];
  for (const [file, content] of await generatedFiles()) {
    const full = path.join(repoRoot, file);
    if (!existsSync(full) || readFileSync(full, 'utf8') !== content)
      problems.push(`${file}: not what nest-cli.json describes (run npm run deploy:manifests)`);
  }
  const apps = platformApps();
  const binaries = kubectls();
  const summary = {};
  for (const overlay of OVERLAYS) {
    const dir = path.join(repoRoot, 'deploy', 'k8s', 'overlays', overlay);
    const [objects, ...others] = binaries.map((kubectl) => render(kubectl, dir));
    for (const [i, other] of others.entries()) {
      const a = new Map(objects.map((o) => [key(o), JSON.stringify(canonical(o))]));
      const b = new Map(other.map((o) => [key(o), JSON.stringify(canonical(o))]));
      for (const k of new Set([...a.keys(), ...b.keys()]))
        if (a.get(k) !== b.get(k))
          problems.push(`${overlay}: ${k} renders differently with ${binaries[i + 1]}`);
    }
    problems.push(...(await schemaProblems(objects)).map((p) => `${overlay}: ${p}`));
    for (const [rule, check] of Object.entries(POLICIES))
      problems.push(...check(objects).map((p) => `${overlay}: [${rule}] ${p}`));
    problems.push(...everyApp(objects, apps).map((p) => `${overlay}: [everyApp] ${p}`));
    summary[overlay] = objects.length;
  }
  if (problems.length > 0) {
    process.stderr.write(`deploy check: ${problems.length} problems\n  ${problems.join('\n  ')}\n`);
    process.exit(1);
  }
  process.stdout.write(
    `deploy check: overlays ${OVERLAYS.map((o) => `${o} (${summary[o]} objects)`).join(', ')} rendered with ${binaries.join(' and ')}, valid, policies kept\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
