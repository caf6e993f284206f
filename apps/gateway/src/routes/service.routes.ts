// The REST routes of the services, one table per service in `<service>.routes.ts` beside this file,
// concatenated here. None yet: each service's issue adds its table.
import type { RouteDefinition } from '../routing/route-definition';

export const SERVICE_ROUTES: readonly RouteDefinition[] = [];
