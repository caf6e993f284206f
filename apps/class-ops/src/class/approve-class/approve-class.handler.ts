// ApproveClass: an officer of the class's jurisdiction approves it; an approved class starts on its date
// (its opening-day deadline, and for the dedicated account its funds gate, scheduled in the same transaction).
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
import { FundsGateDeadline } from '../funds-gate/funds-gate.deadline';
import { OpeningDayDeadline } from '../opening-day/opening-day.deadline';

@Injectable()
export class ApproveClassHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
    private readonly openingDay: OpeningDayDeadline,
    private readonly fundsGate: FundsGateDeadline,
  ) {}

  async handle(request: RpcRequest<classOpsV1.ApproveClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { envelope, payload } = request;
    const cls = await this.commands.load(classDecider, classStreamId(payload.classId));
    if (cls.status === 'none') throw new ClassNotFound({ classId: payload.classId });
    const jurisdiction = cls.applied.jurisdictionCode;
    authorizeOfficer(envelope.principal, jurisdiction);

    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(payload.classId),
      jurisdiction,
      command: { type: 'ApproveClass', data: { classId: payload.classId } },
      withEvents: async (tx, { events }) => {
        await this.store.record(tx, events, new Date().toISOString());
        await this.openingDay.schedule(tx, cls.applied);
        // a class of the dedicated account starts only with the ledger's earmark (funds-gate.ts)
        await this.fundsGate.schedule(tx, cls.applied);
      },
    });
    return classAccepted(payload.classId, result);
  }
}
