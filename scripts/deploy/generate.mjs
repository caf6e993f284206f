// `npm run deploy:manifests [-- --check]`: writes what Kubernetes runs per app, from nest-cli.json
// (scripts/deploy/platform.mjs), into deploy/k8s/base/generated/, and the base kustomization.yaml that
// lists them. With --check it writes nothing and fails when a committed file differs (npm test runs it).
// Per app: Deployment (startup, liveness and readiness probes, resources, non-root read-only security
// context, no service-account token, secrets as files), Service, PodDisruptionBudget,
// HorizontalPodAutoscaler on CPU, NetworkPolicy (what may reach it) and PodMonitor (Prometheus).
// Per service besides: the `migrate` init container and its database role in the CloudNativePG Cluster.
// Hand-written and static: deploy/k8s/base/*.yaml (namespace, configuration, NATS, network policies
// that are not per app, backups); the NATS users come from `npm run bus:config` (nats/auth.conf).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import prettier from 'prettier';
import { stringify } from 'yaml';
import {
  GATEWAY_ADMIN_PORT,
  databaseRoleOf,
  platformApps,
  repoRoot,
  storeReaderRoleOf,
} from './platform.mjs';

const BASE = path.join('deploy', 'k8s', 'base');
const GENERATED = path.join(BASE, 'generated');
const HEADER = (what) =>
  `# Generated from nest-cli.json by \`npm run deploy:manifests\` (scripts/deploy/generate.mjs): do not edit.\n# ${what}\n`;

const SECRETS = '/var/run/secrets/jineng';
const DATABASE = 'jineng-db'; // the CloudNativePG Cluster; its primary's Service is jineng-db-rw
const databaseUrl = (role) => `postgres://${role}@${DATABASE}-rw:5432/jineng`;

const labelsOf = (app) => ({
  'app.kubernetes.io/name': app.name,
  'app.kubernetes.io/part-of': 'jineng',
  'jineng.gov.cn/bus': app.kind,
});
const selectorOf = (app) => ({ 'app.kubernetes.io/name': app.name });

const secretVolume = (name, secretName, extra = {}) => ({
  name,
  secret: { secretName, defaultMode: 0o440, ...extra },
});
const mount = (name, mountPath) => ({ name, mountPath, readOnly: true });

// Payees' bank accounts (docs/adr/0012-payee-accounts.md): the registry seals them to the fund ledger's
// public key, and only the fund ledger holds the private key that opens them.
const PAYEE_SEALING_KEYS = {
  registry: {
    variable: 'JINENG_PAYEE_SEALING_PUBLIC_KEY_FILE',
    secretName: 'jineng-payee-sealing-public-key',
    file: 'payee-sealing-public-key.pem',
  },
  'fund-ledger': {
    variable: 'JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE',
    secretName: 'jineng-payee-sealing-private-key',
    file: 'payee-sealing-private-key.pem',
  },
};

// The audit service's daily seals (docs/adr/0017-seals-and-fraud-rules.md): its Ed25519 private key.
const AUDIT_SEAL_KEY = {
  variable: 'JINENG_AUDIT_SEAL_KEY_FILE',
  secretName: 'jineng-audit-seal-key',
  file: 'audit-seal-key.jwk.json',
};

const containerSecurity = {
  runAsNonRoot: true,
  runAsUser: 65534,
  runAsGroup: 65534,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

function deployment(app, apps) {
  const service = app.kind === 'service';
  const role = databaseRoleOf(app.name);
  const metricsPort = service ? app.port : GATEWAY_ADMIN_PORT;
  const ports = [{ name: 'http', containerPort: app.port }];
  if (!service) ports.push({ name: 'metrics', containerPort: GATEWAY_ADMIN_PORT });
  const env = [{ name: 'PORT', value: String(app.port) }];
  if (app.nodeOptions.length > 0) env.push({ name: 'NODE_OPTIONS', value: app.nodeOptions.join(' ') });
  if (service) env.push({ name: 'DATABASE_URL', value: databaseUrl(role) });
  else env.push({ name: 'ADMIN_PORT', value: String(GATEWAY_ADMIN_PORT) });
  // envelope keys (ADR 0022): the gateway's Secret holds every service's key, a service's its own only
  env.push({
    name: service ? 'JINENG_ENVELOPE_VERIFY_KEYS_FILE' : 'JINENG_ENVELOPE_SIGNING_KEY_FILE',
    value: `${SECRETS}/envelope-keys/${app.name}.keys.json`,
  });
  const payeeKey = PAYEE_SEALING_KEYS[app.name];
  if (payeeKey) env.push({ name: payeeKey.variable, value: `${SECRETS}/payee-sealing-key/${payeeKey.file}` });
  const sealKey = app.name === 'audit' ? AUDIT_SEAL_KEY : undefined;
  if (sealKey) env.push({ name: sealKey.variable, value: `${SECRETS}/audit-seal-key/${sealKey.file}` });
  // the audit service reads every service's store through that store's read-only role (ADR 0021)
  const stores = app.name === 'audit' ? apps.filter((other) => other.kind === 'service') : [];
  if (stores.length > 0)
    env.push({
      name: 'JINENG_AUDIT_STORES',
      value: JSON.stringify(
        Object.fromEntries(
          stores.map((other) => [
            other.name,
            {
              databaseUrl: databaseUrl(storeReaderRoleOf(other.name)),
              schema: other.name.replace(/-/g, '_'),
              passwordFile: `${SECRETS}/store-readers/${other.name}/password`,
            },
          ]),
        ),
      ),
    });
  const volumeMounts = [
    mount('nats-identity', `${SECRETS}/nats`),
    mount('nats-ca', `${SECRETS}/nats-ca`),
    mount('envelope-keys', `${SECRETS}/envelope-keys`),
    // the app's other secrets: one file per environment variable, read by the image's preload
    mount('env-secrets', `${SECRETS}/env`),
    { name: 'tmp', mountPath: '/tmp' },
  ];
  if (service) volumeMounts.unshift(mount('database', `${SECRETS}/database`));
  if (payeeKey) volumeMounts.push(mount('payee-sealing-key', `${SECRETS}/payee-sealing-key`));
  if (sealKey) volumeMounts.push(mount('audit-seal-key', `${SECRETS}/audit-seal-key`));
  if (stores.length > 0) volumeMounts.push(mount('store-readers', `${SECRETS}/store-readers`));
  const volumes = [
    secretVolume('nats-identity', `jineng-nats-${app.name}`),
    {
      name: 'nats-ca',
      secret: { secretName: 'nats-server-tls', items: [{ key: 'ca.crt', path: 'ca.crt' }] },
    },
    secretVolume('envelope-keys', `jineng-envelope-keys-${app.name}`),
    secretVolume('env-secrets', `jineng-env-${app.name}`, { optional: true }),
    { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
  ];
  if (payeeKey) volumes.push(secretVolume('payee-sealing-key', payeeKey.secretName));
  if (sealKey) volumes.push(secretVolume('audit-seal-key', sealKey.secretName));
  if (stores.length > 0)
    volumes.push({
      name: 'store-readers',
      projected: {
        sources: stores.map((other) => ({
          secret: {
            name: `jineng-db-audit-reads-${other.name}`,
            items: [{ key: 'password', path: `${other.name}/password` }],
          },
        })),
      },
    });
  if (service)
    volumes.unshift(
      secretVolume('database', `jineng-db-${app.name}`, { items: [{ key: 'password', path: 'password' }] }),
      secretVolume('migrator', 'jineng-db-migrator', { items: [{ key: 'password', path: 'password' }] }),
    );
  const resources = {
    requests: { cpu: '100m', memory: '192Mi' },
    limits: { cpu: '1', memory: '768Mi' },
  };
  const container = {
    name: app.name,
    image: `jineng/${app.name}`,
    ports,
    env,
    envFrom: [{ configMapRef: { name: 'jineng-config' } }],
    securityContext: containerSecurity,
    volumeMounts,
    startupProbe: { httpGet: { path: '/health/live', port: 'http' }, periodSeconds: 2, failureThreshold: 60 },
    readinessProbe: {
      httpGet: { path: '/health/ready', port: 'http' },
      periodSeconds: 5,
      failureThreshold: 2,
    },
    livenessProbe: {
      httpGet: { path: '/health/live', port: 'http' },
      periodSeconds: 10,
      failureThreshold: 3,
    },
    resources,
  };
  const spec = {
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    securityContext: {
      runAsNonRoot: true,
      runAsUser: 65534,
      runAsGroup: 65534,
      fsGroup: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    ...(service
      ? {
          initContainers: [
            {
              // the migration step as jineng_migrator: schema, tables, the runtime role and its grants
              name: 'migrate',
              image: `jineng/${app.name}`,
              args: ['migrate'],
              env: [
                { name: 'DATABASE_URL', value: databaseUrl(role) },
                { name: 'JINENG_MIGRATOR_DATABASE_URL', value: databaseUrl('jineng_migrator') },
                { name: 'JINENG_MIGRATOR_DATABASE_PASSWORD_FILE', value: `${SECRETS}/migrator/password` },
                // the audit service's read-only role on this store: created if missing and granted (ADR 0021)
                { name: 'JINENG_STORE_READER_ROLE', value: storeReaderRoleOf(app.name) },
              ],
              envFrom: [{ configMapRef: { name: 'jineng-config' } }],
              securityContext: containerSecurity,
              volumeMounts: [
                mount('database', `${SECRETS}/database`),
                mount('migrator', `${SECRETS}/migrator`),
              ],
              resources,
            },
          ],
        }
      : {}),
    containers: [container],
    volumes,
    // SIGTERM: the app stops taking work, finishes what is in flight (10 s at most), closes NATS, exits
    terminationGracePeriodSeconds: 30,
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: selectorOf(app) },
      },
    ],
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app.name, labels: labelsOf(app) },
    spec: {
      // replicas: the HorizontalPodAutoscaler's
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorOf(app) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
      template: {
        metadata: {
          labels: labelsOf(app),
          annotations: { 'jineng.gov.cn/metrics-port': String(metricsPort) },
        },
        spec,
      },
    },
  };
}

function serviceOf(app) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app.name, labels: labelsOf(app) },
    spec: {
      selector: selectorOf(app),
      // the gateway's public port; a service's HTTP port serves only health and metrics
      ports: [{ name: 'http', port: app.kind === 'gateway' ? 80 : app.port, targetPort: 'http' }],
    },
  };
}

const pdbOf = (app) => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: app.name, labels: labelsOf(app) },
  spec: { maxUnavailable: 1, selector: { matchLabels: selectorOf(app) } },
});

const hpaOf = (app) => ({
  apiVersion: 'autoscaling/v2',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: app.name, labels: labelsOf(app) },
  spec: {
    scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app.name },
    minReplicas: 2,
    maxReplicas: 6,
    metrics: [
      {
        type: 'Resource',
        resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } },
      },
    ],
    behavior: { scaleDown: { stabilizationWindowSeconds: 300 } },
  },
});

const PROMETHEUS = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
  podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
};
const INGRESS_CONTROLLER = {
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } },
};

/** What may reach the app and what it may reach (the namespace denies everything else: network-policies.yaml). */
function networkPolicyOf(app) {
  const service = app.kind === 'service';
  const ingress = [
    { from: [PROMETHEUS], ports: [{ protocol: 'TCP', port: service ? app.port : GATEWAY_ADMIN_PORT }] },
    // the kubelet's probes come from the node, which NetworkPolicies do not filter
  ];
  if (!service) ingress.unshift({ from: [INGRESS_CONTROLLER], ports: [{ protocol: 'TCP', port: app.port }] });
  const egress = [
    {
      to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'nats' } } }],
      ports: [{ protocol: 'TCP', port: 4222 }],
    },
  ];
  if (service)
    egress.push({
      to: [{ podSelector: { matchLabels: { 'cnpg.io/cluster': DATABASE } } }],
      ports: [{ protocol: 'TCP', port: 5432 }],
    });
  else
    egress.push({
      // the identity provider's JWKS (JINENG_OIDC_JWKS_URL), outside the cluster
      to: [{ ipBlock: { cidr: '0.0.0.0/0', except: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] } }],
      ports: [{ protocol: 'TCP', port: 443 }],
    });
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: app.name, labels: labelsOf(app) },
    spec: {
      podSelector: { matchLabels: selectorOf(app) },
      policyTypes: ['Ingress', 'Egress'],
      ingress,
      egress,
    },
  };
}

const podMonitorOf = (app) => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PodMonitor',
  metadata: { name: app.name, labels: labelsOf(app) },
  spec: {
    selector: { matchLabels: selectorOf(app) },
    podMetricsEndpoints: [
      { port: app.kind === 'service' ? 'http' : 'metrics', path: '/metrics', interval: '30s' },
    ],
  },
});

/** The CloudNativePG Cluster: a primary and two standbys, one synchronous; the roles of every service. */
function postgresCluster(apps) {
  const services = apps.filter((app) => app.kind === 'service');
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: DATABASE, labels: { 'app.kubernetes.io/part-of': 'jineng' } },
    spec: {
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.6',
      primaryUpdateStrategy: 'unsupervised',
      // a commit returns when one standby has it too: no acknowledged event is lost with the primary
      minSyncReplicas: 1,
      maxSyncReplicas: 1,
      postgresql: {
        parameters: {
          max_connections: '300',
          shared_buffers: '512MB',
          wal_keep_size: '2GB',
          // the services' own bounds are per connection (JINENG_DB_*_TIMEOUT_MS); this one is for everyone else
          idle_in_transaction_session_timeout: '60s',
        },
      },
      bootstrap: {
        // the database and its owner, the migrator: it makes each service's schema and role (ADR 0001, decision 7)
        initdb: { database: 'jineng', owner: 'jineng_migrator', secret: { name: 'jineng-db-migrator' } },
      },
      enableSuperuserAccess: false,
      managed: {
        roles: [
          {
            name: 'jineng_migrator',
            ensure: 'present',
            login: true,
            createrole: true,
            passwordSecret: { name: 'jineng-db-migrator' },
          },
          ...services.map((app) => ({
            name: databaseRoleOf(app.name),
            ensure: 'present',
            login: true,
            // its readiness names the open transactions holding its projections back (deploy/README.md)
            inRoles: ['pg_read_all_stats'],
            passwordSecret: { name: `jineng-db-${app.name}` },
          })),
          // the audit service's read-only role on each store (SELECT on events and streams, ADR 0021)
          ...services.map((app) => ({
            name: storeReaderRoleOf(app.name),
            ensure: 'present',
            login: true,
            passwordSecret: { name: `jineng-db-audit-reads-${app.name}` },
          })),
        ],
      },
      storage: { size: '100Gi' },
      walStorage: { size: '20Gi' },
      resources: { requests: { cpu: '1', memory: '2Gi' }, limits: { cpu: '2', memory: '4Gi' } },
      affinity: {
        enablePodAntiAffinity: true,
        podAntiAffinityType: 'required',
        topologyKey: 'kubernetes.io/hostname',
      },
      monitoring: { enablePodMonitor: true },
      backup: {
        retentionPolicy: '30d',
        barmanObjectStore: {
          // the bucket and its credentials: secret jineng-db-backup (deploy/README.md); the overlay names the path
          destinationPath: 's3://jineng-db-backups/jineng',
          endpointURL: 'https://object-store.example.gov.cn',
          s3Credentials: {
            accessKeyId: { name: 'jineng-db-backup', key: 'ACCESS_KEY_ID' },
            secretAccessKey: { name: 'jineng-db-backup', key: 'ACCESS_SECRET_KEY' },
          },
          wal: { compression: 'gzip', maxParallel: 2 },
          data: { compression: 'gzip', jobs: 2 },
        },
      },
    },
  };
}

const STATIC_RESOURCES = [
  'config.yaml',
  'network-policies.yaml',
  'certificates.yaml',
  'nats.yaml',
  'nats-provision.yaml',
  'postgres-backup.yaml',
];

/**
 * The overlays: where the images come from (deploy/k8s/overlays/<env>/release.json: the registry and the
 * tag, a commit — `npm run deploy:release -- <env> <commit>`), the namespace, the autoscaling bounds per
 * app; deploy/k8s/overlays/<env>/patches.yaml is hand-written (database, NATS, configuration).
 */
const ENVIRONMENTS = {
  dev: { namespace: 'jineng-dev', minReplicas: 1, maxReplicas: 2 },
  prod: { namespace: 'jineng', minReplicas: 3, maxReplicas: 10 },
};
const OVERLAYS = path.join('deploy', 'k8s', 'overlays');

export function releaseOf(environment) {
  const file = path.join(repoRoot, OVERLAYS, environment, 'release.json');
  const release = JSON.parse(readFileSync(file, 'utf8'));
  if (
    typeof release.registry !== 'string' ||
    !/^[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*$/.test(release.registry)
  )
    throw new TypeError(`${file}: registry must be a registry host (and path)`);
  if (typeof release.tag !== 'string' || !/^[0-9a-f]{12}$/.test(release.tag))
    throw new TypeError(`${file}: tag must be a commit (12 hex digits), never a moving tag like latest`);
  return release;
}

async function overlayFiles(environment, settings, apps) {
  const dir = path.join(OVERLAYS, environment);
  const release = releaseOf(environment);
  const autoscaling = apps.map((app) => ({
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: app.name },
    spec: { minReplicas: settings.minReplicas, maxReplicas: settings.maxReplicas },
  }));
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    // `bases`, `patchesStrategicMerge`: what Debian's kubectl 1.20 (kustomize 2) reads too
    bases: ['../../base'],
    // the Namespace is the overlay's own: kustomize 2 would not rename the base's
    resources: ['namespace.yaml'],
    namespace: settings.namespace,
    images: [
      ...apps.map((app) => ({
        name: `jineng/${app.name}`,
        newName: `${release.registry}/jineng/${app.name}`,
        newTag: release.tag,
      })),
      { name: 'nats', newName: `${release.registry}/mirror/nats` },
    ],
    patchesStrategicMerge: ['patches.yaml', 'autoscaling.yaml'],
  };
  const namespace = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: settings.namespace,
      // Pod Security admission: the "restricted" profile (non-root, no escalation, no capabilities, seccomp)
      labels: {
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
      },
    },
  };
  const nFile = path.join(dir, 'namespace.yaml');
  const kFile = path.join(dir, 'kustomization.yaml');
  const aFile = path.join(dir, 'autoscaling.yaml');
  return [
    [
      kFile,
      await render(
        [kustomization],
        `The ${environment} overlay: images of release.json, the base, patches.yaml and autoscaling.yaml.`,
        kFile,
      ),
    ],
    [nFile, await render([namespace], `The ${environment} namespace.`, nFile)],
    [aFile, await render(autoscaling, `Autoscaling bounds of every app in ${environment}.`, aFile)],
  ];
}

async function render(objects, what, file) {
  const text =
    HEADER(what) +
    objects.map((object) => stringify(object, { lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
  const options = (await prettier.resolveConfig(path.join(repoRoot, file))) ?? {};
  return prettier.format(text, { ...options, parser: 'yaml' });
}

/** Every generated file: path (from the repository root) → content. */
export async function generatedFiles(apps = platformApps()) {
  const files = new Map();
  for (const app of apps) {
    const file = path.join(GENERATED, `${app.name}.yaml`);
    files.set(
      file,
      await render(
        [
          deployment(app, apps),
          serviceOf(app),
          pdbOf(app),
          hpaOf(app),
          networkPolicyOf(app),
          podMonitorOf(app),
        ],
        `${app.name} (${app.kind}, port ${app.port})`,
        file,
      ),
    );
  }
  const cluster = path.join(GENERATED, 'postgres-cluster.yaml');
  files.set(
    cluster,
    await render(
      [postgresCluster(apps)],
      'PostgreSQL: the CloudNativePG Cluster and the roles of every service',
      cluster,
    ),
  );
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: 'jineng',
    resources: [
      ...STATIC_RESOURCES,
      path.posix.join('generated', 'postgres-cluster.yaml'),
      ...apps.map((app) => path.posix.join('generated', `${app.name}.yaml`)),
    ],
    configMapGenerator: [
      { name: 'nats-config', files: ['nats.conf=nats/nats.conf', 'auth.conf=nats/auth.conf'] },
    ],
    generatorOptions: { disableNameSuffixHash: true },
  };
  for (const [environment, settings] of Object.entries(ENVIRONMENTS))
    for (const [file, content] of await overlayFiles(environment, settings, apps)) files.set(file, content);
  const kFile = path.join(BASE, 'kustomization.yaml');
  files.set(
    kFile,
    await render(
      [kustomization],
      'The base: the static manifests beside this file and one file per app of nest-cli.json.',
      kFile,
    ),
  );
  return files;
}

async function main() {
  if (process.argv[2] === 'release') {
    // `npm run deploy:release -- <env> <tag> [registry]`: the overlay's images from now on
    const [environment, tag, registry] = process.argv.slice(3);
    if (!ENVIRONMENTS[environment]) throw new Error(`environments: ${Object.keys(ENVIRONMENTS).join(', ')}`);
    const file = path.join(repoRoot, OVERLAYS, environment, 'release.json');
    const release = { ...JSON.parse(readFileSync(file, 'utf8')), tag, ...(registry ? { registry } : {}) };
    writeFileSync(file, `${JSON.stringify(release, null, 2)}\n`);
    releaseOf(environment);
  }
  const check = process.argv.includes('--check');
  const files = await generatedFiles();
  const stale = [];
  for (const [file, content] of files) {
    const full = path.join(repoRoot, file);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    if (current === content) continue;
    stale.push(file);
    if (!check) {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
    }
  }
  // an app removed from nest-cli.json: its file goes too
  const dir = path.join(repoRoot, GENERATED);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const file = path.join(GENERATED, name);
    if (files.has(file)) continue;
    stale.push(`${file} (no longer generated)`);
    if (!check) rmSync(path.join(repoRoot, file));
  }
  if (check && stale.length > 0) {
    process.stderr.write(
      `not what nest-cli.json describes: run npm run deploy:manifests\n  ${stale.join('\n  ')}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    check
      ? `deploy manifests: ${files.size} files up to date\n`
      : `deploy manifests: ${stale.length ? `wrote ${stale.join(', ')}` : 'up to date'}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
