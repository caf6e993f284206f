import { busPermissions, inboxPrefixOf } from './bus-identity';
import { natsAuthorizationConfig, nkeyVariableOf } from './nats-server-config';
import { platformBusApps } from './platform-apps';

describe('busPermissions', () => {
  it('lets the gateway send commands and queries and read only its own replies', () => {
    expect(busPermissions({ name: 'gateway', kind: 'gateway' })).toEqual({
      publish: ['jineng.cmd.>', 'jineng.qry.>'],
      subscribe: ['_INBOX_gateway.>'],
      allowResponses: false,
    });
  });

  it('lets a service answer its own subjects in its queue group, publish its events and use its consumers', () => {
    const permissions = busPermissions({
      name: 'class-ops',
      kind: 'service',
      consumers: ['class-ops-workers'],
    });
    expect(permissions.subscribe).toEqual([
      'jineng.cmd.class-ops.> class-ops',
      'jineng.qry.class-ops.> class-ops',
      '_INBOX_class-ops.>',
    ]);
    expect(permissions.publish).toContain('jineng.evt.class-ops.>');
    expect(permissions.publish).toContain('jineng.dlq.class-ops-workers');
    expect(permissions.publish).toContain('$JS.API.CONSUMER.CREATE.JINENG_EVENTS.class-ops-workers');
    expect(permissions.publish).toContain('$JS.ACK.JINENG_EVENTS.class-ops-workers.>');
    // nothing that reaches another service, the commands, or the streams' administration
    expect(
      permissions.publish.filter((s) =>
        /jineng\.(cmd|qry)|evt\.>|STREAM\.(CREATE|UPDATE|DELETE|PURGE)|\$JS\.API\.>/.test(s),
      ),
    ).toEqual([]);
    expect(permissions.allowResponses).toBe(true);
  });

  it('refuses a consumer not named after its service', () => {
    expect(() =>
      busPermissions({ name: 'registry', kind: 'service', consumers: ['subsidy-workers'] }),
    ).toThrow("consumer 'subsidy-workers' of registry must be named 'registry-<purpose>'");
  });

  it('gives the provisioner the JetStream API and nothing else', () => {
    expect(busPermissions({ name: 'provisioner', kind: 'provisioner' })).toEqual({
      publish: ['$JS.API.>'],
      subscribe: ['_INBOX_provisioner.>'],
      allowResponses: false,
    });
    expect(inboxPrefixOf('provisioner')).toBe('_INBOX_provisioner');
  });
});

describe('the platform description', () => {
  it('reads the apps of nest-cli.json, adds the provisioner, and refuses an app without a bus kind', () => {
    const projects = {
      registry: { type: 'application', jineng: { port: 3101, bus: 'service', consumers: [] } },
      ddd: { type: 'library' },
      gateway: { type: 'application', jineng: { port: 3000, bus: 'gateway' } },
    };
    expect(platformBusApps({ projects })).toEqual([
      { name: 'gateway', kind: 'gateway' },
      { name: 'registry', kind: 'service', consumers: [] },
      { name: 'provisioner', kind: 'provisioner' },
    ]);
    expect(() => platformBusApps({ projects: { audit: { type: 'application', jineng: {} } } })).toThrow(
      "nest-cli.json: projects.audit.jineng.bus must be 'gateway' or 'service'",
    );
  });

  it('renders one user per app, keyed by an environment variable, and refuses an app listed twice', () => {
    const config = natsAuthorizationConfig([{ name: 'fund-ledger', kind: 'service' }]);
    expect(nkeyVariableOf('fund-ledger')).toBe('JINENG_NKEY_FUND_LEDGER');
    expect(config).toContain('nkey: $JINENG_NKEY_FUND_LEDGER');
    expect(config).toContain('subscribe: { allow: ["jineng.cmd.fund-ledger.> fund-ledger"');
    expect(() =>
      natsAuthorizationConfig([
        { name: 'audit', kind: 'service' },
        { name: 'audit', kind: 'service' },
      ]),
    ).toThrow("app 'audit' is listed twice");
  });
});
