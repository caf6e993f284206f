// The one description of the platform's apps on the bus: each application project of nest-cli.json
// says under "jineng" its kind ("bus": "gateway" | "service") and, for a service, what it uses of the
// bus beyond its own subjects and events:
//   "consumers":  its durable consumers, full names `<service>-<purpose>`;
//   "readModels": its local read models (`defineLocalReadModel`): the read model's name
//                 `<service>-<purpose>` → the services it reads (one durable consumer
//                 `<read model>-<source>` each, made by the read model);
//   "files":      true when it stores files for the gateway (exports): the provisioner makes its
//                 bucket JINENG_FILES_<SERVICE>, it may write there, and the gateway may read there.
// A new service is its nest-cli.json entry, e.g.
//   "class-ops": { "type": "application", …, "jineng": { "port": 3102, "bus": "service",
//                  "consumers": ["class-ops-claims"],
//                  "readModels": { "class-ops-workers": ["registry"] }, "files": true } }
// then `npm run bus:config` regenerates deploy/k8s/base/nats/auth.conf (`npm test` checks it).
import { OPERATOR, PROVISIONER, durableConsumersOf, type BusApp } from './bus-identity';

interface NestCliProject {
  readonly type?: string;
  readonly jineng?: {
    readonly bus?: unknown;
    readonly consumers?: unknown;
    readonly readModels?: unknown;
    readonly files?: unknown;
  };
}

const isNameList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** The apps of nest-cli.json (its parsed JSON), in name order, then the operator's tool and the provisioner. */
export function platformBusApps(nestCli: { readonly projects?: Record<string, NestCliProject> }): BusApp[] {
  const apps = Object.entries(nestCli.projects ?? {})
    .filter(([, project]) => project.type === 'application')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, project]): BusApp => {
      const where = `nest-cli.json: projects.${name}.jineng`;
      const { bus, consumers = [], readModels = {}, files = false } = project.jineng ?? {};
      if (bus !== 'gateway' && bus !== 'service')
        throw new TypeError(`${where}.bus must be 'gateway' or 'service'`);
      if (bus === 'gateway') return { name, kind: bus };
      if (!isNameList(consumers)) throw new TypeError(`${where}.consumers must be a list of consumer names`);
      if (
        typeof readModels !== 'object' ||
        readModels === null ||
        Array.isArray(readModels) ||
        !Object.values(readModels).every(isNameList)
      )
        throw new TypeError(`${where}.readModels must map each read model's name to the services it reads`);
      if (typeof files !== 'boolean') throw new TypeError(`${where}.files must be true or false`);
      const app: BusApp = {
        name,
        kind: bus,
        consumers,
        ...(Object.keys(readModels).length > 0 ? { readModels: readModels as Record<string, string[]> } : {}),
        ...(files ? { files } : {}),
      };
      durableConsumersOf(app); // names checked here, with the project's name in view
      return app;
    });
  refuseSharedConsumers(apps);
  const withFiles = apps.filter((app) => app.files).map((app) => app.name);
  return [
    ...apps.map((app) =>
      app.kind === 'gateway' && withFiles.length > 0 ? { ...app, readsFilesOf: withFiles } : app,
    ),
    OPERATOR,
    PROVISIONER,
  ];
}

/**
 * `<service>-<purpose>` alone does not make a name one service's: `class-ops-workers` starts with
 * `class-` too. A consumer of `class` that starts with the longer name of another service
 * (`class-ops-`) is refused, so every consumer name belongs to one service.
 */
function refuseSharedConsumers(apps: readonly BusApp[]): void {
  const services = apps.filter((app) => app.kind === 'service');
  for (const app of services)
    for (const consumer of durableConsumersOf(app)) {
      const other = services.find(
        (o) => o.name.length > app.name.length && consumer.startsWith(`${o.name}-`),
      );
      if (other)
        throw new TypeError(
          `consumer '${consumer}' of ${app.name} could also be ${other.name}'s: rename its purpose`,
        );
    }
}
