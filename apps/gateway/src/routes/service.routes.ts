// The REST routes of the services, one table per service in `<service>.routes.ts` beside this file,
// concatenated here.
import type { RouteDefinition } from '../routing/route-definition';
import { AUDIT_ROUTES } from './audit.routes';
import { REGISTRY_ROUTES } from './registry.routes';
import { SUBSIDY_ROUTES } from './subsidy.routes';

export const SERVICE_ROUTES: readonly RouteDefinition[] = [
  ...REGISTRY_ROUTES,
  ...SUBSIDY_ROUTES,
  ...AUDIT_ROUTES,
];
