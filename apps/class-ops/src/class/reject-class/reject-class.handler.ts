// RejectClass: an officer of the class's jurisdiction rejects it, with a reason.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { classAccepted } from '../../shared/class-reply';
import { ClassStore } from '../../shared/class-store';
import { classDecider } from '../domain/class.decide';
import { ClassNotFound } from '../domain/class.errors';
import { classStreamId } from '../domain/class.events';

@Injectable()
export class RejectClassHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
  ) {}

  async handle(request: RpcRequest<classOpsV1.RejectClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { envelope, payload } = request;
    const cls = await this.commands.load(classDecider, classStreamId(payload.classId));
    if (cls.status === 'none') throw new ClassNotFound({ classId: payload.classId });
    const jurisdiction = cls.applied.jurisdictionCode;
    authorizeOfficer(envelope.principal, jurisdiction);

    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(payload.classId),
      jurisdiction,
      command: { type: 'RejectClass', data: { classId: payload.classId, reason: payload.reason } },
      withEvents: (tx, { events }) => this.store.record(tx, events, new Date().toISOString()),
    });
    return classAccepted(payload.classId, result);
  }
}
