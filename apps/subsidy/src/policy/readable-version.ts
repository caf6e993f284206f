// A version a reader may see, or "not found" — a draft or a foreign version is not revealed to exist.
import type { Principal } from '@jineng/messaging';
import { mayRead } from './domain/policy-access';
import { PolicyVersionNotFound } from '@jineng/subsidy-computation';
import type { PolicyVersionRecord } from './policy-version.views';
import type { PolicyVersionsReadModel } from './read-model/policy-versions.read-model';

export async function readableVersion(
  versions: PolicyVersionsReadModel,
  principal: Principal,
  versionId: string,
): Promise<PolicyVersionRecord> {
  const version = await versions.find(versionId);
  if (!version || !mayRead(principal, version)) throw new PolicyVersionNotFound({ versionId });
  return version;
}
