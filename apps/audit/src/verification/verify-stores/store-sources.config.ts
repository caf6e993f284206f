// Where the audit service reads each service's own store (ADR 0021): JINENG_AUDIT_STORES, a JSON object
// `{ "<service>": { "databaseUrl": "postgres://<read-only role>@host/db", "schema": "<its schema>",
// "passwordFile"?: "<file>" } }`. The role is that store's reader (libs/event-store `grantStoreReader`,
// granted by the service's own migration step under JINENG_STORE_READER_ROLE): SELECT on `events` and
// `streams`, nothing else. Unset: no store is configured, and the verification says so per service.
import { readFileSync } from 'node:fs';
import { quoteSchema } from '@jineng/event-store';

export const STORES_VARIABLE = 'JINENG_AUDIT_STORES';
export const STORE_SOURCES = Symbol('STORE_SOURCES');

export interface StoreSource {
  readonly service: string;
  /** the reader role's connection, its password from `passwordFile` when given */
  readonly databaseUrl: string;
  readonly schema: string;
}

const SERVICE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

export function storeSourcesFromEnv(env: NodeJS.ProcessEnv = process.env): readonly StoreSource[] {
  const text = env[STORES_VARIABLE];
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${STORES_VARIABLE} is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`${STORES_VARIABLE} is an object of services`);
  return Object.entries(parsed as Record<string, Record<string, unknown>>)
    .map(([service, source]) => {
      const where = `${STORES_VARIABLE}.${service}`;
      if (!SERVICE.test(service)) throw new Error(`${where}: not a service name`);
      if (typeof source?.databaseUrl !== 'string' || typeof source.schema !== 'string')
        throw new Error(`${where}: databaseUrl and schema are required`);
      quoteSchema(source.schema);
      const url = new URL(source.databaseUrl);
      if (typeof source.passwordFile === 'string')
        url.password = encodeURIComponent(readFileSync(source.passwordFile, 'utf8').trim());
      return { service, databaseUrl: url.toString(), schema: source.schema };
    })
    .sort((a, b) => a.service.localeCompare(b.service));
}
