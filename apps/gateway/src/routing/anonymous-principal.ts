// The principal a public query reaches its service as (a route with `roles: 'public'` and
// `allowAnonymous`): the envelope contract needs one, with a role. It is the least a principal can be
// — the `worker` role, which acts only on its own records (and no worker record is 'anonymous's) — and
// the gateway sends it on those routes only, whatever token the caller has. A service's public query
// reads nothing of it.
import type { Principal } from '@jineng/messaging';

export const ANONYMOUS_PRINCIPAL: Principal = Object.freeze({
  userId: 'anonymous',
  roles: ['worker'],
  // a jurisdiction is required; the capital's province code, which scopes nothing for a worker role
  jurisdiction: '110000',
}) as Principal;
