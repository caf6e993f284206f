// The REST routes of the services, one table per service in `<service>.routes.ts` beside this file,
// concatenated here.
import type { RouteDefinition } from '../routing/route-definition';
import { CLASS_OPS_ROUTES } from './class-ops.routes';
import { CERTIFICATION_ROUTES } from './certification.routes';
import { FUND_LEDGER_ROUTES } from './fund-ledger.routes';
import { AUDIT_ROUTES } from './audit.routes';
import { REGISTRY_ROUTES } from './registry.routes';
import { SUBSIDY_ROUTES } from './subsidy.routes';

export const SERVICE_ROUTES: readonly RouteDefinition[] = [
  ...REGISTRY_ROUTES,
  ...SUBSIDY_ROUTES,
  ...CLASS_OPS_ROUTES,
  ...CERTIFICATION_ROUTES,
  ...FUND_LEDGER_ROUTES,
  ...AUDIT_ROUTES,
];
