// Ids derived rather than drawn: a version drafted without an id gets one from its command id, so a
// retried command drafts the same version; seed versions and their commands get fixed ones.
import { uuidV5 } from '@jineng/ddd';

/** Fixed forever: changing them would change every derived id. */
const DRAFT_NAMESPACE = 'c2f4a8e1-6b3d-4f2a-9e7c-5d1b0a3f8e26';
export const SEED_NAMESPACE = '3f0c6b8e-2a51-4d7e-9c1a-7b5e4d2f9a60';

export const versionIdForCommand = (commandId: string): string => uuidV5(DRAFT_NAMESPACE, commandId);

export { uuidV5 };
