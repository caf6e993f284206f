// WithdrawApplication: the institution (or an officer) withdraws a class before its start: ClassCancelled WITHDRAWN.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorizeInstitutionOrOfficer } from '../../shared/class-access';
import { classAccepted } from '../../shared/class-reply';
import { ClassStore } from '../../shared/class-store';
import { classDecider } from '../domain/class.decide';
import { ClassNotFound } from '../domain/class.errors';
import { classStreamId } from '../domain/class.events';

@Injectable()
export class WithdrawApplicationHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
  ) {}

  async handle(
    request: RpcRequest<classOpsV1.WithdrawApplication>,
  ): Promise<classOpsV1.ClassCommandAccepted> {
    const { envelope, payload } = request;
    const cls = await this.commands.load(classDecider, classStreamId(payload.classId));
    if (cls.status === 'none') throw new ClassNotFound({ classId: payload.classId });
    const { institutionId, jurisdictionCode: jurisdiction } = cls.applied;
    authorizeInstitutionOrOfficer(envelope.principal, { institutionId, jurisdiction });

    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(payload.classId),
      jurisdiction,
      command: {
        type: 'WithdrawApplication',
        data: { classId: payload.classId, ...(payload.reason ? { reason: payload.reason } : {}) },
      },
      withEvents: (tx, { events }) => this.store.record(tx, events, new Date().toISOString()),
    });
    return classAccepted(payload.classId, result);
  }
}
