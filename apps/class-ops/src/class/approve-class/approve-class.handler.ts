// ApproveClass: an officer of the class's jurisdiction approves it; an approved class starts on its date
// (its opening-day deadline, and for the dedicated account its funds gate, scheduled in the same transaction).
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { ClassCommands } from '../class-command';
import { FundsGateDeadline } from '../funds-gate/funds-gate.deadline';
import { OpeningDayDeadline } from '../opening-day/opening-day.deadline';

@Injectable()
export class ApproveClassHandler {
  constructor(
    private readonly classes: ClassCommands,
    private readonly openingDay: OpeningDayDeadline,
    private readonly fundsGate: FundsGateDeadline,
  ) {}

  handle(request: RpcRequest<classOpsV1.ApproveClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId } = request.payload;
    return this.classes.run(
      request,
      (principal, cls) => authorizeOfficer(principal, cls.applied.jurisdictionCode),
      () => ({ type: 'ApproveClass', data: { classId } }),
      async (tx, cls) => {
        await this.openingDay.schedule(tx, cls.applied);
        // a class of the dedicated account starts only with the ledger's earmark (funds-gate.ts)
        await this.fundsGate.schedule(tx, cls.applied);
      },
    );
  }
}
