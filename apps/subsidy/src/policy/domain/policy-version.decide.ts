// The policy version decider: draft, edit the draft, publish it — then it never changes again
// (ARCHITECTURE §2: pure; who, where and when come with the command).
import type { Decider } from '@jineng/ddd';
import { shanghaiDate } from '@jineng/kernel';
import { checkPolicyParameters } from './check-policy-parameters';
import { checkReadings, checkVersionDates } from './check-readings';
import { checkTargets } from './check-targets';
import { assertMayAdminister } from './policy-access';
import type {
  DraftPolicyVersion,
  PolicyVersionCommand,
  PublishPolicyVersion,
  UpdateDraft,
} from './policy-version.commands';
import {
  EffectiveDateInPast,
  InvalidPolicyParameters,
  PolicyRevisionMismatch,
  PolicyVersionAlreadyExists,
  PolicyVersionNotFound,
  PublishedVersionImmutable,
} from '@jineng/subsidy-computation';
import type { PolicyVersionEvent } from './policy-version.events';
import {
  contentOf,
  evolvePolicyVersion,
  initialPolicyVersionState,
  type DraftState,
  type PolicyVersionContent,
  type PolicyVersionState,
} from './policy-version.state';
import { sameJson } from './same-json';

export const policyVersionDecider: Decider<PolicyVersionCommand, PolicyVersionState, PolicyVersionEvent> = {
  initialState: initialPolicyVersionState,
  evolve: evolvePolicyVersion,
  decide(command, state) {
    switch (command.type) {
      case 'DraftPolicyVersion':
        return draft(command, state);
      case 'UpdateDraft':
        return update(command, state);
      case 'PublishPolicyVersion':
        return publish(command, state);
    }
  },
};

/** The actor as the access rules see them: roles, and the jurisdiction they act from. */
const actorOf = (command: PolicyVersionCommand) => ({
  roles: command.metadata.actor.roles,
  jurisdiction: command.data.actorJurisdiction,
});

function draft(command: DraftPolicyVersion, state: PolicyVersionState): PolicyVersionEvent[] {
  const { data } = command;
  if (state.status !== 'none') {
    throw new PolicyVersionAlreadyExists({ versionId: state.versionId, status: state.status });
  }
  assertMayAdminister(actorOf(command), data.jurisdiction);
  const content = contentOf({
    ...data,
    parameters: data.parameters ?? {},
    targets: data.targets ?? [],
  });
  assertValidContent(content);
  return [
    {
      type: 'PolicyVersionDrafted.v1',
      data: { versionId: data.versionId, ...content, revision: 1, draftedAt: command.metadata.now },
    },
  ];
}

const EDITABLE = [
  'effectiveFrom',
  'effectiveUntil',
  'title',
  'document',
  'parameters',
  'targets',
  'assumptions',
  'clauses',
] as const;

function update(command: UpdateDraft, state: PolicyVersionState): PolicyVersionEvent[] {
  const draftState = editableDraft(command, state, 'update');
  const { data } = command;
  const changed = EDITABLE.filter(
    (field) => data[field] !== undefined && !sameJson(data[field], draftState[field]),
  );
  if (changed.length === 0) return [];
  const content: PolicyVersionContent = contentOf({
    jurisdiction: draftState.jurisdiction,
    effectiveFrom: data.effectiveFrom ?? draftState.effectiveFrom,
    effectiveUntil: data.effectiveUntil ?? draftState.effectiveUntil,
    title: data.title ?? draftState.title,
    document: data.document ?? draftState.document,
    parameters: data.parameters ?? draftState.parameters,
    targets: data.targets ?? draftState.targets,
    assumptions: data.assumptions ?? draftState.assumptions,
    clauses: data.clauses ?? draftState.clauses,
  });
  assertValidContent(content);
  return [
    {
      type: 'PolicyVersionDraftUpdated.v1',
      data: { versionId: draftState.versionId, ...content, revision: draftState.revision + 1, changed },
    },
  ];
}

function publish(command: PublishPolicyVersion, state: PolicyVersionState): PolicyVersionEvent[] {
  const draftState = editableDraft(command, state, 'publish');
  // checked again: the rules may have grown since the draft was saved
  assertValidContent(draftState);
  const today = shanghaiDate(new Date(command.metadata.now));
  const reason = command.data.pastEffectiveReason?.trim() || undefined;
  if (draftState.effectiveFrom < today && reason === undefined) {
    throw new EffectiveDateInPast({ effectiveFrom: draftState.effectiveFrom, today });
  }
  const { versionId, revision } = draftState;
  return [
    {
      type: 'PolicyVersionPublished.v1',
      data: {
        versionId,
        ...contentOf(draftState),
        revision,
        publishedAt: command.metadata.now,
        publishedBy: command.metadata.actor.userId,
        ...(reason === undefined ? {} : { pastEffectiveReason: reason }),
      },
    },
  ];
}

/** The draft a command may change: it exists, the actor may administer it, it is not published, at the expected revision. */
function editableDraft(
  command: UpdateDraft | PublishPolicyVersion,
  state: PolicyVersionState,
  attempted: 'update' | 'publish',
): DraftState {
  if (state.status === 'none') throw new PolicyVersionNotFound({ versionId: command.data.versionId });
  assertMayAdminister(actorOf(command), state.jurisdiction);
  if (state.status === 'published') {
    throw new PublishedVersionImmutable({
      versionId: state.versionId,
      publishedAt: state.publishedAt,
      attempted,
    });
  }
  const expected = command.data.expectedRevision;
  if (expected !== undefined && expected !== state.revision) {
    throw new PolicyRevisionMismatch({ versionId: state.versionId, expected, actual: state.revision });
  }
  return state;
}

function assertValidContent(content: PolicyVersionContent): void {
  const violations = [
    ...checkVersionDates(content),
    ...checkPolicyParameters(content.parameters, content.jurisdiction),
    ...checkTargets(content.targets, content.jurisdiction),
    ...checkReadings(content),
  ];
  if (violations.length > 0) throw new InvalidPolicyParameters({ violations });
}
