// The OpenAPI document and Swagger UI, generated from the route table: on the public port locally,
// on the admin port in production (see AdminServer).
import type { INestApplication } from '@nestjs/common';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from '../routing/openapi-document';
import type { RateLimits } from '../routing/rate-limits';
import type { CompiledRoute } from '../routing/route-table';

export const OPENAPI_PATH = 'api/docs';

export function serveApiDocs(
  app: INestApplication,
  routes: readonly CompiledRoute[],
  rateLimits: RateLimits,
): void {
  const document = buildOpenApiDocument(routes, { rateLimitOf: (route) => rateLimits.limitOf(route) });
  SwaggerModule.setup(OPENAPI_PATH, app, document, {
    jsonDocumentUrl: `${OPENAPI_PATH}-json`,
    yamlDocumentUrl: `${OPENAPI_PATH}-yaml`,
    customSiteTitle: 'Jineng 技能 API',
  });
}
