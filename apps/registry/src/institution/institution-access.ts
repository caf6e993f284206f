// An institution's record, loaded to check that the caller may act on it: an officer of its
// jurisdiction (or above), or the institution itself where the use case allows it.
import type { Principal, Role } from '@jineng/messaging';
import type { CommandRunner } from '@jineng/service-runtime';
import { authorize } from '../access/access-control';
import { institutionDecider } from './domain/institution.decide';
import { InstitutionNotFound } from './domain/institution.errors';
import { institutionStreamId } from './domain/institution.events';
import type { KnownInstitution } from './domain/institution.state';

export async function institutionFor(
  commands: CommandRunner,
  principal: Principal,
  roles: readonly Role[],
  institutionId: string,
): Promise<KnownInstitution> {
  const state = await commands.load(institutionDecider, institutionStreamId(institutionId));
  if (state.status === 'none') throw new InstitutionNotFound({ institutionId });
  authorize(principal, roles, { jurisdiction: state.jurisdiction, institutionId });
  return state;
}
