// The REST routes of the registry service: forwarded over NATS to jineng.cmd|qry.registry.<Name>.
import type { RouteDefinition } from '../routing/route-definition';

export const REGISTRY_ROUTES: readonly RouteDefinition[] = [];
