// ApplyToOpenClass (开班申请): an institution user applies for its own institution; every opening rule
// is judged at once against the facts of the local read models and the policy in force at the start.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorizeInstitution } from '../../shared/class-access';
import { classAccepted } from '../../shared/class-reply';
import { ClassStore } from '../../shared/class-store';
import { classDecider } from '../domain/class.decide';
import { classStreamId } from '../domain/class.events';
import { classPolicy } from '../domain/policy-in-force';

@Injectable()
export class ApplyToOpenClassHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
  ) {}

  async handle(request: RpcRequest<classOpsV1.ApplyToOpenClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { envelope, payload } = request;
    authorizeInstitution(envelope.principal, payload.institutionId);
    // an institution the registry has not told us of is judged (CLASS.INSTITUTION_UNKNOWN) where its user acts
    const jurisdiction =
      (await this.store.institutionOf(payload.institutionId))?.jurisdiction ??
      envelope.principal.jurisdiction;
    const facts = await this.store.openingFacts({ ...payload, jurisdiction });
    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(payload.classId),
      jurisdiction,
      command: { type: 'ApplyToOpenClass', data: { plan: payload, jurisdiction, facts } },
      withEvents: (tx, { events }) => {
        // what check-ins, the opening day and the evidence are judged by: the policy in force at the start
        const { classOpening } = classPolicy(jurisdiction, payload.startDate, facts.policyVersions);
        return this.store.record(tx, events, new Date().toISOString(), classOpening);
      },
    });
    return classAccepted(payload.classId, result);
  }
}
