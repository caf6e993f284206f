// Deterministic ids of the seed versions and of the commands that load them, so that loading again
// (a restart, a second replica) is the same commands and appends nothing.
import { SEED_NAMESPACE, uuidV5 } from '../policy-ids';

export const seedVersionId = (key: string): string => uuidV5(SEED_NAMESPACE, `policy-seed:${key}:version`);
export const seedCommandId = (key: string, step: 'draft' | 'publish'): string =>
  uuidV5(SEED_NAMESPACE, `policy-seed:${key}:${step}`);
