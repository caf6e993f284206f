import { OPERATOR, busPermissions, durableConsumersOf, inboxPrefixOf } from './bus-identity';
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

  it("gives a service its local read models' consumers, one per source, named after the read model", () => {
    const app = {
      name: 'class-ops',
      kind: 'service',
      consumers: ['class-ops-claims'],
      readModels: { 'class-ops-workers': ['registry', 'certification'] },
    } as const;
    expect(durableConsumersOf(app)).toEqual([
      'class-ops-claims',
      'class-ops-workers-registry',
      'class-ops-workers-certification',
    ]);
    const { publish } = busPermissions(app);
    expect(publish).toContain('$JS.API.CONSUMER.CREATE.JINENG_EVENTS.class-ops-workers-registry.>');
    expect(publish).toContain('$JS.API.CONSUMER.MSG.NEXT.JINENG_EVENTS.class-ops-workers-certification');
    expect(publish).toContain('$JS.ACK.JINENG_EVENTS.class-ops-workers-registry.>');
    expect(() =>
      busPermissions({
        name: 'class-ops',
        kind: 'service',
        readModels: { 'registry-workers': ['registry'] },
      }),
    ).toThrow("consumer 'registry-workers' of class-ops must be named 'class-ops-<purpose>'");
    expect(() =>
      durableConsumersOf({
        name: 'class-ops',
        kind: 'service',
        consumers: ['class-ops-workers-registry'],
        readModels: { 'class-ops-workers': ['registry'] },
      }),
    ).toThrow("consumer 'class-ops-workers-registry' of class-ops is declared twice");
  });

  it('lets a service that stores files write its own bucket only, and the gateway read the buckets it serves', () => {
    const registry = busPermissions({ name: 'registry', kind: 'service', files: true }).publish;
    expect(registry).toEqual(
      expect.arrayContaining([
        '$O.JINENG_FILES_REGISTRY.>',
        '$JS.API.STREAM.INFO.OBJ_JINENG_FILES_REGISTRY',
        '$JS.API.STREAM.MSG.GET.OBJ_JINENG_FILES_REGISTRY',
        '$JS.API.STREAM.PURGE.OBJ_JINENG_FILES_REGISTRY',
      ]),
    );
    // no bucket of another service, no stream administration, no consumer on its bucket
    expect(
      registry.filter((s) => /FILES_(?!REGISTRY)|STREAM\.(CREATE|UPDATE|DELETE)|CONSUMER.*OBJ_/.test(s)),
    ).toEqual([]);
    expect(busPermissions({ name: 'subsidy', kind: 'service' }).publish.join()).not.toContain('FILES');

    const gateway = busPermissions({ name: 'gateway', kind: 'gateway', readsFilesOf: ['registry'] }).publish;
    expect(gateway).toEqual([
      'jineng.cmd.>',
      'jineng.qry.>',
      '$JS.API.INFO',
      '$JS.API.STREAM.INFO.OBJ_JINENG_FILES_REGISTRY',
      '$JS.API.STREAM.MSG.GET.OBJ_JINENG_FILES_REGISTRY',
      '$JS.API.CONSUMER.CREATE.OBJ_JINENG_FILES_REGISTRY.>',
      '$JS.API.CONSUMER.DELETE.OBJ_JINENG_FILES_REGISTRY.>',
      '$JS.FC.OBJ_JINENG_FILES_REGISTRY.>',
    ]);
  });

  it('lets the operator read the dead letters and nothing else', () => {
    expect(busPermissions(OPERATOR)).toEqual({
      publish: ['$JS.API.INFO', '$JS.API.STREAM.INFO.JINENG_DLQ', '$JS.API.STREAM.MSG.GET.JINENG_DLQ'],
      subscribe: ['_INBOX_ops.>'],
      allowResponses: false,
    });
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
  it('reads the apps of nest-cli.json, adds the operator and the provisioner, and refuses an app without a bus kind', () => {
    const projects = {
      registry: { type: 'application', jineng: { port: 3101, bus: 'service', consumers: [], files: true } },
      'class-ops': {
        type: 'application',
        jineng: { port: 3102, bus: 'service', readModels: { 'class-ops-workers': ['registry'] } },
      },
      ddd: { type: 'library' },
      gateway: { type: 'application', jineng: { port: 3000, bus: 'gateway' } },
    };
    expect(platformBusApps({ projects })).toEqual([
      {
        name: 'class-ops',
        kind: 'service',
        consumers: [],
        readModels: { 'class-ops-workers': ['registry'] },
      },
      // the gateway reads the files of the services that store some
      { name: 'gateway', kind: 'gateway', readsFilesOf: ['registry'] },
      { name: 'registry', kind: 'service', consumers: [], files: true },
      { name: 'ops', kind: 'operator' },
      { name: 'provisioner', kind: 'provisioner' },
    ]);
    expect(() => platformBusApps({ projects: { audit: { type: 'application', jineng: {} } } })).toThrow(
      "nest-cli.json: projects.audit.jineng.bus must be 'gateway' or 'service'",
    );
    const service = (jineng: Record<string, unknown>) => ({
      projects: { audit: { type: 'application', jineng: { bus: 'service', ...jineng } } },
    });
    expect(() => platformBusApps(service({ readModels: ['audit-x'] }))).toThrow(
      "nest-cli.json: projects.audit.jineng.readModels must map each read model's name to the services it reads",
    );
    expect(() => platformBusApps(service({ files: 'yes' }))).toThrow(
      'nest-cli.json: projects.audit.jineng.files must be true or false',
    );
  });

  it('refuses a consumer name that another, longer-named service could own too', () => {
    const projects = {
      class: { type: 'application', jineng: { bus: 'service', consumers: ['class-ops-workers'] } },
      'class-ops': { type: 'application', jineng: { bus: 'service', consumers: ['class-ops-claims'] } },
    };
    expect(() => platformBusApps({ projects })).toThrow(
      "consumer 'class-ops-workers' of class could also be class-ops's: rename its purpose",
    );
    // the longer-named service's own consumers are its own
    expect(() =>
      platformBusApps({
        projects: { ...projects, class: { type: 'application', jineng: { bus: 'service' } } },
      }),
    ).not.toThrow();
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
