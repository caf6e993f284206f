// ReapproveClass: an officer of the class's jurisdiction approves again a class that waits for funds,
// once the fund ledger has earmarked them (its ClassEarmarked, kept in rm_earmarks), before the start.
// The dedicated account's start gate is scheduled again in the same transaction (it finds the earmark).
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import { CommandRunner } from '@jineng/service-runtime';
import { classAccepted } from '../../shared/class-reply';
import { classDecider } from '../domain/class.decide';
import { ClassNotFound } from '../domain/class.errors';
import { classStreamId } from '../domain/class.events';
import { FundsGateDeadline } from '../funds-gate/funds-gate.deadline';

@Injectable()
export class ReapproveClassHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
    private readonly fundsGate: FundsGateDeadline,
  ) {}

  async handle(request: RpcRequest<classOpsV1.ReapproveClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { envelope, payload } = request;
    const cls = await this.commands.load(classDecider, classStreamId(payload.classId));
    if (cls.status === 'none') throw new ClassNotFound({ classId: payload.classId });
    const jurisdiction = cls.applied.jurisdictionCode;
    authorizeOfficer(envelope.principal, jurisdiction);
    const earmark = await this.store.earmarkOf(payload.classId);

    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(payload.classId),
      jurisdiction,
      command: {
        type: 'ReapproveClass',
        data: { classId: payload.classId, ...(earmark ? { earmark } : {}) },
      },
      withEvents: async (tx, { events }) => {
        await this.store.record(tx, events, new Date().toISOString());
        if (events.length > 0) await this.fundsGate.schedule(tx, cls.applied);
      },
    });
    return classAccepted(payload.classId, result);
  }
}
