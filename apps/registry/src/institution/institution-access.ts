// An institution's record, loaded to check that the caller may act on it: an officer of its
// jurisdiction (or above), or the institution itself where the use case allows it.
import type { Principal, Role, RpcRequest } from '@jineng/messaging';
import {
  commandAccepted,
  type CommandAccepted,
  type CommandBody,
  type CommandRunner,
} from '@jineng/service-runtime';
import { authorize } from '../access/access-control';
import { institutionDecider, type InstitutionCommand } from './domain/institution.decide';
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

/** The usual command on an institution: the caller may act on the record, and the command acts in its jurisdiction. */
export async function runOnInstitution(
  commands: CommandRunner,
  request: RpcRequest<{ readonly institutionId: string }>,
  roles: readonly Role[],
  command: CommandBody<InstitutionCommand>,
): Promise<CommandAccepted> {
  const { institutionId } = request.payload;
  const institution = await institutionFor(commands, request.envelope.principal, roles, institutionId);
  const result = await commands.run(request, {
    decider: institutionDecider,
    streamId: institutionStreamId(institutionId),
    jurisdiction: institution.jurisdiction,
    command,
  });
  return commandAccepted(institutionId, result);
}
