// Lookups over the generated contracts: by type name, by NATS subject, and as OpenAPI components.
import type { Contract, JsonSchema } from './contract';
import { CONTRACTS } from './generated';

export const OPENAPI_REF_PREFIX = '#/components/schemas/';

// shared by every caller: frozen, so nobody's edit (say, an OpenAPI post-processor) changes another's
for (const contract of CONTRACTS) deepFreeze(contract);

const byTypeName = new Map(CONTRACTS.map((contract) => [contract.typeName, contract]));
const bySubject = new Map(
  CONTRACTS.filter((contract) => contract.subject).map((contract) => [contract.subject, contract]),
);

export function unknownContract(typeName: string): TypeError {
  return new TypeError(
    `unknown contract '${typeName}': messages that cross a service boundary are defined in proto/ ` +
      'and generated with `npm run contracts:generate` (libs/contracts/README.md)',
  );
}

/** The contract of a full type name such as `jineng.common.v1.Envelope`; a TypeError for an unknown one. */
export function contractOf(typeName: string): Contract {
  const contract = byTypeName.get(typeName);
  if (!contract) throw unknownContract(typeName);
  return contract;
}

export function jsonSchemaOf(typeName: string): JsonSchema {
  return contractOf(typeName).schema;
}

/** The command, query or event sent on `subject`, e.g. `jineng.evt.registry.WorkerRegistered.v1`. */
export function contractForSubject(subject: string): Contract | undefined {
  return bySubject.get(subject);
}

/**
 * JSON Schemas for an OpenAPI document's `components.schemas`, keyed by full type name: `typeNames`
 * (default: every contract) and whatever they refer to, with `$ref`s rewritten to
 * `#/components/schemas/<type name>` and without `$id`. Fresh copies, in type name order.
 */
export function openApiSchemas(
  typeNames: readonly string[] = [...byTypeName.keys()],
): Record<string, JsonSchema> {
  const found = new Map<string, JsonSchema>();
  const pending = [...typeNames];
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (found.has(name)) continue;
    found.set(
      name,
      toOpenApi(jsonSchemaOf(name), (ref) => pending.push(ref)),
    );
  }
  return Object.fromEntries([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function toOpenApi(schema: JsonSchema, onRef: (typeName: string) => void): JsonSchema {
  const copy: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword === '$id') continue;
    if (keyword === '$ref') {
      onRef(value as string);
      copy.$ref = `${OPENAPI_REF_PREFIX}${value as string}`;
    } else if (keyword === 'properties') {
      copy.properties = Object.fromEntries(
        Object.entries(value as Record<string, JsonSchema>).map(([name, property]) => [
          name,
          toOpenApi(property, onRef),
        ]),
      );
    } else if ((keyword === 'items' || keyword === 'additionalProperties') && typeof value === 'object') {
      copy[keyword] = toOpenApi(value as JsonSchema, onRef);
    } else {
      copy[keyword] = Array.isArray(value) ? [...(value as unknown[])] : value;
    }
  }
  return copy as JsonSchema;
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const item of Object.values(value)) deepFreeze(item);
}

export { CONTRACTS };
