// The OpenAPI document, generated from the route table and the contracts' JSON Schemas — never
// written by hand, so it cannot drift from what the dispatcher enforces.
import { openApiSchemas, OPENAPI_REF_PREFIX, type JsonSchema } from '@jineng/contracts';
import { DOMAIN_ERROR_CATEGORIES } from '@jineng/ddd';
import { rpcSubject } from '@jineng/messaging';
import type { OpenAPIObject } from '@nestjs/swagger';
import { contractName } from './contracts';
import type { FieldLocator, RateLimit, RequestContract, RouteDefinition } from './route-definition';
import type { CompiledRoute } from './route-table';

type Schema = Record<string, unknown>;

export const ERROR_RESPONSE_SCHEMA = 'GatewayErrorResponse';

export interface OpenApiOptions {
  /** default '1' */
  readonly version?: string;
  /** the rate limit in force on a route, to describe it */
  readonly rateLimitOf?: (route: CompiledRoute) => RateLimit;
}

export function buildOpenApiDocument(
  routes: readonly CompiledRoute[],
  { version = '1', rateLimitOf }: OpenApiOptions = {},
): OpenAPIObject {
  const contracts = routes.flatMap(({ definition: d }) =>
    [d.request, d.response].filter((c) => c !== undefined),
  );
  const inline = contracts.filter((contract) => typeof contract !== 'string');
  // the generated contracts the routes name, and those the inline schemas refer to
  const typeNames = [
    ...contracts.filter(isTypeName),
    ...inline.flatMap((contract) => refsIn(contract.schema)),
  ];
  const schemas = { ...openApiSchemas([...new Set(typeNames)]) } as Record<string, Schema>;
  for (const contract of inline) schemas[contract.name] = withComponentRefs(contract.schema) as Schema;
  Object.assign(schemas, errorSchemas());

  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    (paths[route.openApiPath] ??= {})[route.definition.method.toLowerCase()] = operation(
      route,
      schemas,
      rateLimitOf?.(route),
    );
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Jineng 技能 API',
      version,
      description:
        '补贴性职业技能培训平台接口。除标注为公开的接口外，都需要 `Authorization: Bearer <JWT>`。' +
        '所有错误的响应体形如 `GatewayErrorResponse`。\n\n' +
        'The API of the subsidised vocational training platform. Every operation not marked public needs ' +
        '`Authorization: Bearer <JWT>`. Every error answers with a `GatewayErrorResponse` body.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  } as unknown as OpenAPIObject;
}

function operation(
  route: CompiledRoute,
  schemas: Readonly<Record<string, Schema>>,
  rateLimit: RateLimit | undefined,
): Record<string, unknown> {
  const d = route.definition;
  const target = d.target;
  const isPublic = d.roles === 'public';
  const requestSchema = d.request ? schemas[contractName(d.request)] : undefined;
  const properties = (requestSchema?.properties ?? {}) as Record<string, Schema>;
  const required = new Set((requestSchema?.required ?? []) as string[]);
  const hasBody = d.method === 'POST' || d.method === 'PUT' || d.method === 'PATCH';

  const parameters: Schema[] = route.pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
  }));
  if (!hasBody) {
    for (const [name, schema] of Object.entries(properties)) {
      if (!route.pathParams.includes(name))
        parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  }
  parameters.push({
    name: 'X-Correlation-Id',
    in: 'header',
    required: false,
    description: '关联 ID，原样返回并随请求传递给服务 / correlation id, echoed and passed on to the services',
    schema: { type: 'string', maxLength: 128 },
  });
  if (target.kind === 'command') {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        '命令 ID；重试时使用相同的值，命令只执行一次 / the command id: retry with the same value and it runs once',
      schema: { type: 'string', format: 'uuid' },
    });
  }

  const status = String(d.successStatus ?? 200);
  const responses: Record<string, unknown> = {
    [status]:
      status === '204'
        ? { description: 'No Content' }
        : d.file
          ? {
              description: '文件（附件下载） / a file (attachment)',
              content: Object.fromEntries(
                d.file.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
              ),
            }
          : { description: 'OK', content: json(d.response ? { $ref: ref(contractName(d.response)) } : {}) },
  };
  const errors: [string, string][] = [];
  if (d.request || route.pathParams.length > 0) errors.push(['400', '请求无效 / invalid request']);
  if (!isPublic) {
    errors.push(
      ['401', '未认证 / not authenticated'],
      ['403', '无权限 / not allowed (role, jurisdiction, owner)'],
    );
  }
  if (hasBody) errors.push(['413', '请求或文件过大 / the body, or a file in it, is too large']);
  errors.push(['429', '请求过于频繁，见 Retry-After / too many requests: see Retry-After']);
  if (target.kind !== 'local') {
    errors.push(['404', '不存在 / not found'], ['409', '状态冲突 / illegal state or concurrent change']);
    errors.push(
      ['502', '服务内部错误 / the service failed'],
      ['504', '服务无应答 / the service did not answer'],
    );
  }
  for (const [code, description] of errors) {
    responses[code] = { description, content: json({ $ref: ref(ERROR_RESPONSE_SCHEMA) }) };
  }

  return {
    operationId: target.kind === 'local' ? target.operationId : `${target.service}.${target.name}`,
    summary: `${d.summary.zh} / ${d.summary.en}`,
    description: describeAccess(d, rateLimit),
    tags: [...(d.tags ?? [target.kind === 'local' ? 'gateway' : target.service])],
    ...(isPublic ? { security: [] } : { security: [{ bearer: [] }] }),
    parameters,
    ...(hasBody && d.request
      ? { requestBody: { required: true, content: json(bodySchema(route, d.request, schemas)) } }
      : {}),
    responses,
    'x-jineng-roles': d.roles,
    ...(target.kind === 'local' ? {} : { 'x-jineng-subject': rpcSubject(target) }),
  };
}

/** The body is the contract minus the path parameters (they travel in the URL). */
function bodySchema(
  route: CompiledRoute,
  contract: RequestContract,
  schemas: Readonly<Record<string, Schema>>,
): Schema {
  const name = contractName(contract);
  const schema = schemas[name] ?? {};
  const properties = schema.properties as Record<string, Schema> | undefined;
  if (!properties || !route.pathParams.some((p) => Object.hasOwn(properties, p))) return { $ref: ref(name) };
  const { properties: _all, required: allRequired, ...rest } = schema;
  const required = ((allRequired ?? []) as string[]).filter((key) => !route.pathParams.includes(key));
  return {
    ...rest,
    properties: Object.fromEntries(
      Object.entries(properties).filter(([key]) => !route.pathParams.includes(key)),
    ),
    // OpenAPI 3.0 refuses an empty `required` list: a body whose required fields all travel in the path has none
    ...(required.length > 0 ? { required } : {}),
  };
}

function describeAccess(d: RouteDefinition, rateLimit: RateLimit | undefined): string {
  const lines: string[] = [];
  if (d.roles === 'public') lines.push('公开接口，无需令牌 / public: no token needed');
  else lines.push(`角色 / roles: ${d.roles.map((role) => `\`${role}\``).join(', ')}`);
  const where = (l: FieldLocator) => `${l.in} \`${l.name}\``;
  if (d.jurisdiction) {
    lines.push(
      `辖区 / jurisdiction: ${where(d.jurisdiction)} 须在调用者的管辖范围内 / must be within the caller's jurisdiction`,
    );
  }
  if (d.institution) {
    lines.push(
      `机构 / institution: ${where(d.institution)} 须为调用者本机构 / must be the caller's own institution`,
    );
  }
  if (d.enterprise) {
    lines.push(
      `企业 / enterprise: ${where(d.enterprise)} 须为调用者本企业 / must be the caller's own enterprise`,
    );
  }
  if (rateLimit) {
    const [zh, en] = d.roles === 'public' ? ['每个客户端 IP', 'per client IP'] : ['每个用户', 'per user'];
    lines.push(
      `限流 / rate limit: ${zh}每 ${rateLimit.perSeconds} 秒 ${rateLimit.requests} 次 / ${rateLimit.requests} per ${rateLimit.perSeconds} s ${en}`,
    );
  }
  if (d.target.kind !== 'local') lines.push(`NATS: \`${rpcSubject(d.target)}\``);
  return lines.join('\n\n');
}

const json = (schema: Schema) => ({ 'application/json': { schema } });
const ref = (name: string) => `${OPENAPI_REF_PREFIX}${name}`;
const isTypeName = (contract: RequestContract | undefined): contract is string =>
  typeof contract === 'string';

/** The contract type names an inline schema refers to with `$ref: '<type name>'`. */
function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === '$ref' && typeof v === 'string' && !v.startsWith('#') ? [v] : refsIn(v),
  );
}

/** An inline schema as an OpenAPI component: `$ref: '<type name>'` pointed at the contract's component. */
function withComponentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withComponentRefs);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) =>
      key === '$ref' && typeof v === 'string' && !v.startsWith('#')
        ? [key, ref(v)]
        : [key, withComponentRefs(v)],
    ),
  );
}

function errorSchemas(): Record<string, JsonSchema> {
  return {
    [ERROR_RESPONSE_SCHEMA]: {
      type: 'object',
      description: '所有错误的响应体 / the body of every error answer',
      required: ['code', 'message', 'messageEn', 'correlationId'],
      properties: {
        code: {
          type: 'string',
          description: '稳定的错误码 / stable error code, e.g. GATEWAY.FORBIDDEN_ROLE',
        },
        category: {
          type: 'string',
          enum: [...DOMAIN_ERROR_CATEGORIES],
        },
        message: { type: 'string', description: '中文说明' },
        messageEn: { type: 'string', description: 'the same in English' },
        details: { type: 'object', description: '规则相关的值 / the values of the failed rule' },
        violations: { type: 'array', items: { $ref: ref('GatewayViolation') } },
        correlationId: { type: 'string' },
      },
    },
    GatewayViolation: {
      type: 'object',
      required: ['path', 'reason', 'reasonEn'],
      properties: {
        path: { type: 'string', description: '字段路径 / field path, e.g. trainees[0].idNumber' },
        reason: { type: 'string' },
        reasonEn: { type: 'string' },
      },
    },
  };
}
