// An assessment, loaded to check that the caller may act on it (an officer of its jurisdiction, or the
// institution where the use case allows), and the command run on it.
import type { certificationV1 } from '@jineng/contracts';
import type { Principal, Role, RpcRequest } from '@jineng/messaging';
import { commandAccepted, type CommandBody, type CommandRunner } from '@jineng/service-runtime';
import { authorize } from '../shared/access';
import { assessmentDecider } from './domain/assessment.decide';
import type { CommandResult } from '@jineng/ddd';
import type { PoolClient } from 'pg';
import {
  assessmentStreamId,
  type AssessmentCommand,
  type AssessmentEvent,
  type AssessmentState,
  type KnownAssessment,
} from './domain/assessment';
import { AssessmentNotFound } from './domain/assessment.errors';

export async function assessmentFor(
  commands: CommandRunner,
  principal: Principal,
  roles: readonly Role[],
  assessmentId: string,
): Promise<KnownAssessment> {
  const state = await commands.load(assessmentDecider, assessmentStreamId(assessmentId));
  if (state.status === 'none') throw new AssessmentNotFound({ assessmentId });
  authorize(principal, roles, { jurisdiction: state.jurisdictionCode, institutionId: state.institutionId });
  return state;
}

export async function runOnAssessment(
  commands: CommandRunner,
  request: RpcRequest,
  assessment: KnownAssessment,
  command: CommandBody<AssessmentCommand>,
  withEvents?: (tx: PoolClient, result: CommandResult<AssessmentState, AssessmentEvent>) => Promise<void>,
): Promise<certificationV1.CommandAccepted> {
  const result = await commands.run(request, {
    decider: assessmentDecider,
    streamId: assessmentStreamId(assessment.assessmentId),
    jurisdiction: assessment.jurisdictionCode,
    command,
    ...(withEvents ? { withEvents } : {}),
  });
  return commandAccepted(assessment.assessmentId, result);
}

export function assessmentView(state: KnownAssessment): certificationV1.Assessment {
  return {
    assessmentId: state.assessmentId,
    classId: state.classId,
    institutionId: state.institutionId,
    jurisdictionCode: state.jurisdictionCode,
    occupationCode: state.occupationCode,
    level: state.level,
    certificateKind: state.certificateKind,
    status: state.status,
    appliedOn: state.appliedOn,
    ...(state.schedule
      ? { schedule: { ...state.schedule, assessorIds: [...state.schedule.assessorIds] } }
      : {}),
    results: [...state.results.values()].map((r) => ({ ...r })),
  };
}
