// The class a survey belongs to, from class-ops' read model; an officer of its jurisdiction records
// and closes its survey.
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { commandAccepted, type CommandBody, type CommandRunner } from '@jineng/service-runtime';
import { ClassNotKnown } from '../assessment/domain/assessment.errors';
import type { ClassFacts } from '../local/class-facts';
import type { CertificationReads } from '../local/certification-reads';
import { OFFICERS, authorize } from '../shared/access';
import { surveyDecider } from './domain/survey.decide';
import { surveyStreamId, type SurveyCommand } from './domain/survey';

export async function surveyClass(
  reads: CertificationReads,
  request: RpcRequest<{ readonly classId: string }>,
): Promise<ClassFacts> {
  const cls = await reads.classFacts(request.payload.classId);
  if (!cls) throw new ClassNotKnown({ classId: request.payload.classId });
  authorize(request.envelope.principal, OFFICERS, { jurisdiction: cls.jurisdictionCode });
  return cls;
}

export async function runOnSurvey(
  commands: CommandRunner,
  request: RpcRequest,
  cls: ClassFacts,
  command: CommandBody<SurveyCommand>,
): Promise<certificationV1.CommandAccepted> {
  const result = await commands.run(request, {
    decider: surveyDecider,
    streamId: surveyStreamId(cls.classId),
    jurisdiction: cls.jurisdictionCode,
    command,
  });
  return commandAccepted(cls.classId, result);
}
