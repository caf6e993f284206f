// The whole generated OpenAPI document — every route the gateway can serve (its own, the development
// issuer's, every service's) — checked against the official OpenAPI 3.0 schema by a strict validator,
// so that a route or contract that makes the document invalid fails `npm test` with the list of errors.
import { Validator } from '@seriousme/openapi-schema-validator';
import { DevIssuer } from '../auth/dev-issuer';
import { devIssuerRoutes, meRoute } from '../routes/gateway.routes';
import { SERVICE_ROUTES } from '../routes/service.routes';
import { isKnownContract } from './contracts';
import { buildOpenApiDocument } from './openapi-document';
import { RouteTable } from './route-table';

/** `<where in the document> <what is wrong>`, one line per error, for a readable failure. */
async function openApiErrors(document: unknown): Promise<string[]> {
  const validator = new Validator({ allErrors: true });
  const result = await validator.validate(document as Record<string, unknown>);
  if (result.valid) return [];
  if (typeof result.errors === 'string') return [result.errors];
  return (result.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}`);
}

describe('the generated OpenAPI document', () => {
  it('is valid OpenAPI 3.0 for the complete route table', async () => {
    const issuer = await DevIssuer.create({ audience: 'jineng-api', tokenTtlSeconds: 600 });
    const table = new RouteTable([meRoute, ...devIssuerRoutes(issuer), ...SERVICE_ROUTES], {
      knownContract: isKnownContract,
    });
    const document = buildOpenApiDocument(table.routes);
    expect(Object.keys(document.paths).length).toBeGreaterThan(30);
    expect(await openApiErrors(document)).toEqual([]);
  });

  it('reports what a strict validator refuses, such as an empty required list', async () => {
    const table = new RouteTable([meRoute], { knownContract: isKnownContract });
    const document = buildOpenApiDocument(table.routes) as unknown as {
      components: { schemas: Record<string, Record<string, unknown>> };
    };
    document.components.schemas.GatewayViolation!.required = [];
    expect(await openApiErrors(document)).toContain(
      '/components/schemas/GatewayViolation/required must NOT have fewer than 1 items',
    );
  });
});
