// The rules every rendered overlay must keep (scripts/deploy/check.mjs applies them; policy.test.mjs
// shows each one catching what it is for). Each rule answers a list of problems, "<kind>/<name>: what".
import { databaseRoleOf } from './platform.mjs';

const PINNED =
  /^(?<name>[^@:]+(?::\d+)?(?:\/[^@:]+)*)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-f]{64}))?$/;
const WORKLOADS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob']);
/** Secrets an app container may take from the environment: none. NATS reads its users' public nkeys so. */
const ENV_SECRETS_ALLOWED = new Set(['nats/jineng-nats-users']);

const where = (object) => `${object.kind}/${object.metadata?.name}`;

function podSpecOf(object) {
  if (object.kind === 'CronJob') return object.spec?.jobTemplate?.spec?.template?.spec;
  return WORKLOADS.has(object.kind) ? object.spec?.template?.spec : undefined;
}
const containersOf = (pod) => [...(pod.initContainers ?? []), ...(pod.containers ?? [])];

/** No container runs as root, escalates privileges or writes its root filesystem. */
export function nonRoot(objects) {
  const problems = [];
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const container of containersOf(pod)) {
      const pc = pod.securityContext ?? {};
      const cc = container.securityContext ?? {};
      const user = cc.runAsUser ?? pc.runAsUser;
      if ((cc.runAsNonRoot ?? pc.runAsNonRoot) !== true || user === undefined || user === 0)
        problems.push(
          `${where(object)}: container ${container.name} may run as root (runAsNonRoot and a non-zero runAsUser)`,
        );
      if (cc.allowPrivilegeEscalation !== false)
        problems.push(`${where(object)}: container ${container.name} may escalate privileges`);
      if (cc.readOnlyRootFilesystem !== true)
        problems.push(`${where(object)}: container ${container.name} writes its root filesystem`);
      if (!(cc.capabilities?.drop ?? []).includes('ALL'))
        problems.push(`${where(object)}: container ${container.name} keeps Linux capabilities (drop ALL)`);
    }
    if (pod.automountServiceAccountToken !== false)
      problems.push(`${where(object)}: mounts a service-account token (automountServiceAccountToken: false)`);
  }
  return problems;
}

/** Every image names a fixed version: a tag that is not `latest`, or a digest; Jineng's by their commit. */
export function pinnedImages(objects) {
  const problems = [];
  for (const object of objects) {
    const pod = podSpecOf(object);
    const images = pod ? containersOf(pod).map((c) => [c.name, c.image]) : [];
    if (object.kind === 'Cluster') images.push(['postgres', object.spec?.imageName]);
    for (const [name, image] of images) {
      const parts = typeof image === 'string' ? PINNED.exec(image)?.groups : undefined;
      if (!parts || (!parts.digest && (!parts.tag || parts.tag === 'latest')))
        problems.push(`${where(object)}: ${name}'s image ${image} is not pinned (a version tag or a digest)`);
      else if (/\/jineng\/[^/]+$/.test(parts.name) && !parts.digest && !/^[0-9a-f]{12}$/.test(parts.tag))
        problems.push(`${where(object)}: ${name}'s image ${image} is not tagged by a commit`);
    }
  }
  return problems;
}

/** Every Deployment's containers have startup, liveness and readiness probes, requests and limits. */
export function probesAndLimits(objects) {
  const problems = [];
  for (const object of objects) {
    if (object.kind !== 'Deployment' && object.kind !== 'StatefulSet') continue;
    for (const container of object.spec?.template?.spec?.containers ?? []) {
      for (const probe of ['startupProbe', 'livenessProbe', 'readinessProbe'])
        if (!container[probe]) problems.push(`${where(object)}: container ${container.name} has no ${probe}`);
      for (const resource of ['cpu', 'memory']) {
        if (!container.resources?.limits?.[resource])
          problems.push(`${where(object)}: container ${container.name} has no ${resource} limit`);
        if (!container.resources?.requests?.[resource])
          problems.push(`${where(object)}: container ${container.name} has no ${resource} request`);
      }
    }
  }
  return problems;
}

/** Every namespace has a policy that denies all ingress and egress of every pod. */
export function defaultDeny(objects) {
  const namespaces = new Set(objects.filter((o) => o.metadata?.namespace).map((o) => o.metadata.namespace));
  for (const o of objects) if (o.kind === 'Namespace') namespaces.add(o.metadata.name);
  const problems = [];
  for (const namespace of namespaces) {
    const denies = objects.some(
      (o) =>
        o.kind === 'NetworkPolicy' &&
        o.metadata?.namespace === namespace &&
        Object.keys(o.spec?.podSelector ?? { x: 1 }).length === 0 &&
        ['Ingress', 'Egress'].every((t) => (o.spec?.policyTypes ?? []).includes(t)) &&
        !(o.spec?.ingress?.length > 0) &&
        !(o.spec?.egress?.length > 0),
    );
    if (!denies)
      problems.push(`Namespace/${namespace}: no default-deny NetworkPolicy (all pods, Ingress and Egress)`);
  }
  return problems;
}

/** Keys and passwords reach the apps only as mounted files: no secret in an environment variable. */
export function secretsAsFiles(objects) {
  const problems = [];
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    for (const container of containersOf(pod)) {
      for (const source of container.envFrom ?? [])
        if (source.secretRef && !ENV_SECRETS_ALLOWED.has(`${container.name}/${source.secretRef.name}`))
          problems.push(
            `${where(object)}: container ${container.name} takes secret ${source.secretRef.name} as environment`,
          );
      for (const variable of container.env ?? [])
        if (variable.valueFrom?.secretKeyRef)
          problems.push(
            `${where(object)}: container ${container.name} takes ${variable.name} from a secret as environment`,
          );
    }
  }
  return problems;
}

/** Every app of nest-cli.json has all its objects; every service its database role. */
export function everyApp(objects, apps) {
  const problems = [];
  const has = (kind, name) => objects.some((o) => o.kind === kind && o.metadata?.name === name);
  for (const app of apps)
    for (const kind of [
      'Deployment',
      'Service',
      'PodDisruptionBudget',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'PodMonitor',
    ])
      if (!has(kind, app.name)) problems.push(`${app.name}: no ${kind}`);
  const roles = (objects.find((o) => o.kind === 'Cluster')?.spec?.managed?.roles ?? []).map((r) => r.name);
  for (const app of apps.filter((a) => a.kind === 'service'))
    if (!roles.includes(databaseRoleOf(app.name)))
      problems.push(`${app.name}: no database role in the Cluster`);
  return problems;
}

export const POLICIES = { nonRoot, pinnedImages, probesAndLimits, defaultDeny, secretsAsFiles };
