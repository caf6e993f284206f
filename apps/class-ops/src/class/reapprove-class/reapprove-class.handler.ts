// ReapproveClass: an officer of the class's jurisdiction approves again a class that waits for funds,
// once the fund ledger has earmarked them (its ClassEarmarked, kept in rm_earmarks), before the start.
// The dedicated account's start gate is scheduled again in the same transaction (it finds the earmark).
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeOfficer } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import { ClassCommands } from '../class-command';
import { FundsGateDeadline } from '../funds-gate/funds-gate.deadline';

@Injectable()
export class ReapproveClassHandler {
  constructor(
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
    private readonly fundsGate: FundsGateDeadline,
  ) {}

  handle(request: RpcRequest<classOpsV1.ReapproveClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId } = request.payload;
    return this.classes.run(
      request,
      (principal, cls) => authorizeOfficer(principal, cls.applied.jurisdictionCode),
      async () => {
        const earmark = await this.store.earmarkOf(classId);
        return { type: 'ReapproveClass', data: { classId, ...(earmark ? { earmark } : {}) } };
      },
      async (tx, cls, recorded) => {
        if (recorded > 0) await this.fundsGate.schedule(tx, cls.applied);
      },
    );
  }
}
