import type { JsonSchema } from './contract';
import {
  CONTRACTS,
  OPENAPI_REF_PREFIX,
  contractForSubject,
  contractOf,
  jsonSchemaOf,
  openApiSchemas,
} from './contract-registry';

/** Every `$ref` anywhere in a schema. */
function refsOf(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  return Object.entries(schema).flatMap(([key, value]) =>
    key === '$ref' ? [value as string] : refsOf(value),
  );
}

describe('the contract registry', () => {
  it('lists every generated contract once, by type name, each with its schema under its own $id', () => {
    const names = CONTRACTS.map((c) => c.typeName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['jineng.common.v1.Envelope', 'jineng.common.v1.DomainErrorReply']),
    );
    for (const contract of CONTRACTS) expect(contract.schema.$id).toBe(contract.typeName);
  });

  it('finds a contract by type name, with its kind and source', () => {
    expect(contractOf('jineng.common.v1.DomainErrorReply')).toMatchObject({
      kind: 'reply',
      source: 'proto/jineng/common/v1/domain_error_reply.proto',
    });
    expect(contractOf('jineng.common.v1.Envelope').subject).toBeUndefined();
    expect(jsonSchemaOf('jineng.common.v1.Envelope')).toBe(contractOf('jineng.common.v1.Envelope').schema);
  });

  it('throws a TypeError for an unknown type name', () => {
    expect(() => contractOf('Envelope')).toThrow(TypeError);
    expect(() => jsonSchemaOf('jineng.common.v1.Nope')).toThrow(/unknown contract/);
  });

  it('finds commands, queries and events by subject, and nothing else', () => {
    for (const contract of CONTRACTS.filter((c) => c.subject)) {
      expect(contractForSubject(contract.subject!)).toBe(contract);
    }
    expect(contractForSubject('jineng.cmd.nobody.Nothing')).toBeUndefined();
  });

  it('is frozen: no caller can change what another one validates with', () => {
    const schema = jsonSchemaOf('jineng.common.v1.Envelope');
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.properties!.principal)).toBe(true);
    expect(Object.isFrozen(schema.required)).toBe(true);
  });

  describe('openApiSchemas', () => {
    it('gives every contract by type name, with $refs into components/schemas that all resolve', () => {
      const schemas = openApiSchemas();
      expect(Object.keys(schemas)).toEqual(CONTRACTS.map((c) => c.typeName).sort());
      for (const schema of Object.values(schemas)) {
        expect(schema.$id).toBeUndefined();
        for (const ref of refsOf(schema)) {
          expect(ref.startsWith(OPENAPI_REF_PREFIX)).toBe(true);
          expect(schemas).toHaveProperty([ref.slice(OPENAPI_REF_PREFIX.length)]);
        }
      }
      expect(schemas['jineng.common.v1.Envelope'].properties!.principal).toEqual({
        $ref: '#/components/schemas/jineng.common.v1.Principal',
      });
    });

    it('gives the named contracts and what they refer to, transitively', () => {
      expect(Object.keys(openApiSchemas(['jineng.common.v1.IntegrationEvent']))).toEqual([
        'jineng.common.v1.EventActor',
        'jineng.common.v1.EventMetadata',
        'jineng.common.v1.IntegrationEvent',
      ]);
    });

    it('hands out copies the caller may change', () => {
      const schemas = openApiSchemas(['jineng.common.v1.Principal']);
      const principal = schemas['jineng.common.v1.Principal'] as { properties: Record<string, JsonSchema> };
      principal.properties.extra = { type: 'string' };
      expect(jsonSchemaOf('jineng.common.v1.Principal').properties).not.toHaveProperty('extra');
    });
  });
});
