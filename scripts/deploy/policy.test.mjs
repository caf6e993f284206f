// `node --test scripts/deploy/`: each policy and schema check catches what it is for, on the real
// dev overlay made worse one field at a time.
import assert from 'node:test';
import { strict as is } from 'node:assert';
import path from 'node:path';
import { render, schemaProblems } from './check.mjs';
import { platformApps, repoRoot } from './platform.mjs';
import { POLICIES, everyApp } from './policy.mjs';

const rendered = render('kubectl', path.join(repoRoot, 'deploy', 'k8s', 'overlays', 'dev'));
const fresh = () => JSON.parse(JSON.stringify(rendered));
const find = (objects, kind, name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
const allProblems = async (objects) => [
  ...(await schemaProblems(objects)),
  ...Object.values(POLICIES).flatMap((check) => check(objects)),
  ...everyApp(objects, platformApps()),
];

assert.test('the dev overlay as committed has no problem', async () => {
  is.deepEqual(await allProblems(fresh()), []);
});

const worse = [
  [
    'a container running as root',
    (o) => (find(o, 'Deployment', 'gateway').spec.template.spec.containers[0].securityContext.runAsUser = 0),
    /may run as root/,
  ],
  [
    'a writable root filesystem',
    (o) =>
      (find(
        o,
        'Deployment',
        'registry',
      ).spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem = false),
    /writes its root filesystem/,
  ],
  [
    'a service-account token',
    (o) => delete find(o, 'Job', 'nats-provision').spec.template.spec.automountServiceAccountToken,
    /service-account token/,
  ],
  [
    'an image tagged latest',
    (o) => (find(o, 'StatefulSet', 'nats').spec.template.spec.containers[0].image = 'nats:latest'),
    /not pinned/,
  ],
  [
    'an app image not tagged by a commit',
    (o) =>
      (find(o, 'Deployment', 'subsidy').spec.template.spec.containers[0].image =
        'r.example/jineng/subsidy:v1'),
    /not tagged by a commit/,
  ],
  [
    'a missing startup probe',
    (o) => delete find(o, 'Deployment', 'gateway').spec.template.spec.containers[0].startupProbe,
    /no startupProbe/,
  ],
  [
    'a missing memory limit',
    (o) => delete find(o, 'Deployment', 'registry').spec.template.spec.containers[0].resources.limits.memory,
    /no memory limit/,
  ],
  [
    'no default-deny policy',
    (o) => o.splice(o.indexOf(find(o, 'NetworkPolicy', 'default-deny')), 1),
    /no default-deny/,
  ],
  [
    'a secret as environment',
    (o) =>
      find(o, 'Deployment', 'registry').spec.template.spec.containers[0].envFrom.push({
        secretRef: { name: 'jineng-secrets' },
      }),
    /takes secret jineng-secrets/,
  ],
  [
    'an app without its autoscaler',
    (o) => o.splice(o.indexOf(find(o, 'HorizontalPodAutoscaler', 'subsidy')), 1),
    /subsidy: no HorizontalPodAutoscaler/,
  ],
  [
    'a core object against its schema',
    (o) => (find(o, 'Service', 'gateway').spec.ports[0].port = 'eighty'),
    /Service\/gateway: .*port must be integer/,
  ],
  [
    'a cert-manager object against its schema',
    (o) => (find(o, 'Certificate', 'nats-server').spec.dnsNames = 'nats'),
    /Certificate\/nats-server: .*dnsNames must be array/,
  ],
  [
    'a CloudNativePG object against its published schema',
    (o) => (find(o, 'Cluster', 'jineng-db').spec.instances = 'three'),
    /Cluster\/jineng-db: data\/spec\/instances must be integer/,
  ],
  [
    'a CloudNativePG field that does not exist',
    (o) => (find(o, 'Cluster', 'jineng-db').spec.synchronousReplicas = 1),
    /Cluster\/jineng-db: \/spec must NOT have additional properties/,
  ],
  [
    'as many synchronous standbys as instances',
    (o) => (find(o, 'Cluster', 'jineng-db').spec.maxSyncReplicas = 1),
    /maxSyncReplicas must be lower than instances/,
  ],
  [
    'two ways to bootstrap a database',
    (o) => (find(o, 'Cluster', 'jineng-db').spec.bootstrap.recovery = { source: 'jineng-db-backups' }),
    /Cluster\/jineng-db: \/spec\/bootstrap must NOT have more than 1 properties/,
  ],
  [
    'a kind without a schema',
    (o) => o.push({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } }),
    /no schema for example.com\/v1 Widget/,
  ],
];
for (const [what, change, expected] of worse)
  assert.test(`catches ${what}`, async () => {
    const objects = fresh();
    change(objects);
    const problems = await allProblems(objects);
    is.ok(
      problems.some((p) => expected.test(p)),
      `expected ${expected} in:\n${problems.join('\n')}`,
    );
  });
