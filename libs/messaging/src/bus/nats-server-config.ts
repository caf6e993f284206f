// The nats-server `authorization` block of a platform, generated from its apps (BusApp): one user per
// app, identified by an nkey whose public key the server reads from an environment variable, so the
// file is the same for every deployment (deploy/k8s/base/nats/auth.conf, a test's dedicated server)
// and only the keys differ.
import { busPermissions, type BusApp } from './bus-identity';

/** `JINENG_NKEY_<APP>`: the variable holding the public nkey of an app. */
export function nkeyVariableOf(app: string): string {
  return `JINENG_NKEY_${app.toUpperCase().replace(/-/g, '_')}`;
}

const list = (subjects: readonly string[]) => `[${subjects.map((s) => JSON.stringify(s)).join(', ')}]`;

export function natsAuthorizationConfig(apps: readonly BusApp[]): string {
  const names = apps.map((app) => app.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new TypeError(`app '${twice}' is listed twice`);
  const users = apps.map((app) => {
    const permissions = busPermissions(app);
    return [
      `    # ${app.name} (${app.kind})`,
      '    {',
      `      nkey: $${nkeyVariableOf(app.name)}`,
      '      permissions: {',
      `        publish: { allow: ${list(permissions.publish)} }`,
      `        subscribe: { allow: ${list(permissions.subscribe)} }`,
      ...(permissions.allowResponses ? ['        allow_responses: true'] : []),
      '      }',
      '    }',
    ].join('\n');
  });
  return [
    '# One NATS identity per app with least permissions (docs/adr/0002-messaging.md, decision 10).',
    '# Generated from the apps of nest-cli.json by `npm run bus:config`: do not edit by hand.',
    '# Each $JINENG_NKEY_<APP> is the public nkey of that app, from the environment of nats-server.',
    'authorization {',
    '  users: [',
    users.join('\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
