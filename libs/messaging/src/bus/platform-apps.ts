// The one description of the platform's apps on the bus: each application project of nest-cli.json
// says under "jineng" its kind ("bus": "gateway" | "service") and, for a service, its durable consumers.
// A new service is its nest-cli.json entry, e.g.
//   "class-ops": { "type": "application", …, "jineng": { "port": 3102, "bus": "service",
//                  "consumers": ["class-ops-registry-workers"] } }
import { PROVISIONER, type BusApp } from './bus-identity';

interface NestCliProject {
  readonly type?: string;
  readonly jineng?: { readonly bus?: unknown; readonly consumers?: unknown };
}

/** The apps of nest-cli.json (its parsed JSON), in name order, and the provisioner. */
export function platformBusApps(nestCli: { readonly projects?: Record<string, NestCliProject> }): BusApp[] {
  const apps = Object.entries(nestCli.projects ?? {})
    .filter(([, project]) => project.type === 'application')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, project]): BusApp => {
      const { bus, consumers = [] } = project.jineng ?? {};
      if (bus !== 'gateway' && bus !== 'service')
        throw new TypeError(`nest-cli.json: projects.${name}.jineng.bus must be 'gateway' or 'service'`);
      if (!Array.isArray(consumers) || !consumers.every((c) => typeof c === 'string'))
        throw new TypeError(
          `nest-cli.json: projects.${name}.jineng.consumers must be a list of consumer names`,
        );
      return bus === 'service' ? { name, kind: bus, consumers } : { name, kind: bus };
    });
  return [...apps, PROVISIONER];
}
