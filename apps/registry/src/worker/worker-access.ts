// A worker's record, loaded to check that the caller may act on it (an officer of its jurisdiction or above).
import type { Principal, Role } from '@jineng/messaging';
import type { CommandRunner } from '@jineng/service-runtime';
import { authorize } from '../access/access-control';
import { workerDecider } from './domain/worker.decide';
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
