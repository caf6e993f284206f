import type { JsonSchema } from '@jineng/contracts';
import { meRoute } from '../routes/gateway.routes';
import { buildOpenApiDocument } from './openapi-document';
import { RouteTable } from './route-table';

const ECHO_REQUEST: JsonSchema = {
  type: 'object',
  required: ['classId', 'jurisdiction', 'headcount'],
  additionalProperties: false,
  properties: {
    classId: { type: 'string', format: 'uuid' },
    jurisdiction: { type: 'string', format: 'jurisdiction' },
    headcount: { type: 'integer', minimum: 1 },
    principal: { $ref: 'jineng.common.v1.Principal' },
  },
};
const LIST_REQUEST: JsonSchema = {
  type: 'object',
  required: ['jurisdiction'],
  properties: { jurisdiction: { type: 'string' }, page: { type: 'integer', minimum: 1 } },
};

const table = new RouteTable([
  meRoute,
  {
    method: 'POST',
    path: '/api/v1/classes/:classId/echo',
    summary: { zh: '回声', en: 'Echo' },
    roles: ['county_officer', 'admin'],
    jurisdiction: { in: 'body', name: 'jurisdiction' },
    request: { name: 'ProbeEchoRequest', schema: ECHO_REQUEST },
    successStatus: 201,
    target: { kind: 'command', service: 'probe', name: 'Echo' },
  },
  {
    method: 'GET',
    path: '/api/v1/jurisdictions/:jurisdiction/classes',
    summary: { zh: '班级列表', en: 'List classes' },
    roles: ['auditor'],
    jurisdiction: { in: 'path', name: 'jurisdiction' },
    request: { name: 'ListRequest', schema: LIST_REQUEST },
    target: { kind: 'query', service: 'class-ops', name: 'ListClasses' },
  },
]);

describe('buildOpenApiDocument', () => {
  const document = buildOpenApiDocument(table.routes) as unknown as {
    openapi: string;
    paths: Record<string, Record<string, Record<string, unknown>>>;
    components: {
      schemas: Record<string, Record<string, unknown>>;
      securitySchemes: Record<string, unknown>;
    };
  };

  it('has one operation per route, with OpenAPI path templates', () => {
    expect(document.openapi).toBe('3.0.3');
    expect(Object.keys(document.paths)).toEqual([
      '/api/v1/me',
      '/api/v1/classes/{classId}/echo',
      '/api/v1/jurisdictions/{jurisdiction}/classes',
    ]);
    expect(document.components.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
    });
  });

  it('describes a command: summary in both languages, roles, subject, path parameter, body without it, headers', () => {
    const echo = document.paths['/api/v1/classes/{classId}/echo']?.post as Record<string, unknown>;
    expect(echo).toMatchObject({
      operationId: 'probe.Echo',
      summary: '回声 / Echo',
      tags: ['probe'],
      security: [{ bearer: [] }],
      'x-jineng-roles': ['county_officer', 'admin'],
      'x-jineng-subject': 'jineng.cmd.probe.Echo',
    });
    expect(echo.description).toContain(
      "body `jurisdiction` 须在调用者的管辖范围内 / must be within the caller's jurisdiction",
    );
    expect(echo.parameters).toEqual([
      { name: 'classId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      expect.objectContaining({ name: 'X-Correlation-Id', in: 'header', required: false }),
      expect.objectContaining({
        name: 'Idempotency-Key',
        in: 'header',
        schema: { type: 'string', format: 'uuid' },
      }),
    ]);
    const body = (echo.requestBody as { content: Record<string, { schema: Record<string, unknown> }> })
      .content['application/json']?.schema;
    expect(body?.required).toEqual(['jurisdiction', 'headcount']);
    expect(Object.keys(body?.properties as object)).toEqual(['jurisdiction', 'headcount', 'principal']);
    expect(Object.keys(echo.responses as object)).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '429',
      '502',
      '504',
    ]);
  });

  it("describes a route's rate limit, per user or per client IP", () => {
    const limited = buildOpenApiDocument(table.routes, {
      rateLimitOf: () => ({ requests: 20, perSeconds: 3600 }),
    }) as unknown as typeof document;
    expect(limited.paths['/api/v1/classes/{classId}/echo']?.post?.description).toContain(
      '限流 / rate limit: 每个用户每 3600 秒 20 次 / 20 per 3600 s per user',
    );
  });

  it('describes a query with its other contract fields as query parameters', () => {
    const list = document.paths['/api/v1/jurisdictions/{jurisdiction}/classes']?.get as Record<
      string,
      unknown
    >;
    expect(list.requestBody).toBeUndefined();
    expect(list.parameters).toEqual([
      { name: 'jurisdiction', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
      expect.objectContaining({ name: 'X-Correlation-Id' }),
    ]);
  });

  it('carries the contract schemas, with references rewritten to components, and the error shape', () => {
    const schemas = document.components.schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        'jineng.common.v1.Principal',
        'ProbeEchoRequest',
        'ListRequest',
        'GatewayErrorResponse',
        'GatewayViolation',
      ]),
    );
    expect(schemas.ProbeEchoRequest?.properties).toMatchObject({
      principal: { $ref: '#/components/schemas/jineng.common.v1.Principal' },
    });
    expect(schemas['jineng.common.v1.Principal']).not.toHaveProperty('$id');
    const me = document.paths['/api/v1/me']?.get as { responses: Record<string, unknown> };
    expect(me.responses['200']).toEqual({
      description: 'OK',
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/jineng.common.v1.Principal' } },
      },
    });
    expect(schemas.GatewayErrorResponse?.required).toEqual(['code', 'message', 'messageEn', 'correlationId']);
  });
});
