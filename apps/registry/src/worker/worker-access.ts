// A worker's record, loaded to check that the caller may act on it (an officer of its jurisdiction or above).
import type { Principal, Role, RpcRequest } from '@jineng/messaging';
import {
  commandAccepted,
  type CommandAccepted,
  type CommandBody,
  type CommandRunner,
} from '@jineng/service-runtime';
import { authorize } from '../access/access-control';
import { workerDecider, type WorkerCommand } from './domain/worker.decide';
import { WorkerNotRegistered } from './domain/worker.errors';
import { workerStreamId } from './domain/worker.events';
import type { RegisteredWorker } from './domain/worker.state';

export async function workerFor(
  commands: CommandRunner,
  principal: Principal,
  roles: readonly Role[],
  workerId: string,
): Promise<RegisteredWorker> {
  const state = await commands.load(workerDecider, workerStreamId(workerId));
  if (state.status !== 'registered') throw new WorkerNotRegistered({ workerId });
  authorize(principal, roles, { jurisdiction: state.jurisdiction });
  return state;
}

/** The usual command on a worker: the caller may act on the record, and the command acts in its jurisdiction. */
export async function runOnWorker(
  commands: CommandRunner,
  request: RpcRequest<{ readonly workerId: string }>,
  roles: readonly Role[],
  command: CommandBody<WorkerCommand>,
): Promise<CommandAccepted> {
  const { workerId } = request.payload;
  const worker = await workerFor(commands, request.envelope.principal, roles, workerId);
  const result = await commands.run(request, {
    decider: workerDecider,
    streamId: workerStreamId(workerId),
    jurisdiction: worker.jurisdiction,
    command,
  });
  return commandAccepted(workerId, result);
}
