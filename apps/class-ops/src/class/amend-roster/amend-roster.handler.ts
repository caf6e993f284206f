// AmendRoster: the institution changes the roster before the start; the added trainees and the class size are judged again.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { authorizeInstitution } from '../../shared/class-access';
import { classAccepted } from '../../shared/class-reply';
import { ClassStore } from '../../shared/class-store';
import { classDecider } from '../domain/class.decide';
import { ClassNotFound } from '../domain/class.errors';
import { classStreamId } from '../domain/class.events';

@Injectable()
export class AmendRosterHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
  ) {}

  async handle(request: RpcRequest<classOpsV1.AmendRoster>): Promise<classOpsV1.ClassCommandAccepted> {
    const { envelope, payload } = request;
    const cls = await this.commands.load(classDecider, classStreamId(payload.classId));
    if (cls.status === 'none') throw new ClassNotFound({ classId: payload.classId });
    const { institutionId, jurisdictionCode: jurisdiction } = cls.applied;
    authorizeInstitution(envelope.principal, institutionId);
    const facts = await this.store.openingFacts({
      institutionId,
      jurisdiction,
      teacherIds: cls.applied.teacherIds,
      workerIds: payload.workerIds,
      startDate: cls.applied.startDate,
    });
    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(payload.classId),
      jurisdiction,
      command: {
        type: 'AmendRoster',
        data: { classId: payload.classId, workerIds: payload.workerIds, facts },
      },
      withEvents: (tx, { events }) => this.store.record(tx, events, new Date().toISOString()),
    });
    return classAccepted(payload.classId, result);
  }
}
