// The dedicated account's start gate (funds-gate.ts) from the deadlines scheduler on the service clock.
// Approving (or re-approving) a class paid from 专账 schedules it, due when the first session's check-in
// window opens; when due, the fund ledger's last word on the class (rm_earmarks) goes to the decider,
// which withholds the start (ClassStartWithheld, status awaiting funds) when nothing is earmarked. The
// command id is the deadline's: a re-fire records nothing new; a scheduler that was down fires it when back.
import { DeadlineScheduler, type DueDeadline } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { sessionOn } from '../../check-in/domain/sessions';
import { ClassStore } from '../../shared/class-store';
import { ClassCommands } from '../class-command';
import type { ClassApplied } from '../domain/class.events';
import { earmarkRequiredToStart } from '../domain/funds-gate';

export const FUNDS_GATE_DEADLINE = 'class-ops.funds-gate';

export const fundsGateDeadlineId = (classId: string): string => `class-${classId}:funds-gate`;

/** When the first session's check-in window opens: the moment the class would start. */
export const fundsGateDue = (plan: ClassApplied['data']): Date =>
  new Date(sessionOn(plan, plan.startDate)!.opensAt);

@Injectable()
export class FundsGateDeadline {
  constructor(
    private readonly deadlines: DeadlineScheduler,
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
  ) {}

  /** In the approving transaction; only a class of the dedicated account has a gate. */
  async schedule(tx: PoolClient, plan: ClassApplied['data']): Promise<void> {
    if (!earmarkRequiredToStart(plan.fundSource)) return;
    await this.deadlines.schedule(tx, {
      id: fundsGateDeadlineId(plan.classId),
      kind: FUNDS_GATE_DEADLINE,
      dueAt: fundsGateDue(plan),
      data: { classId: plan.classId },
    });
  }

  /** In onModuleInit. */
  register(): void {
    this.deadlines.handle(FUNDS_GATE_DEADLINE, (deadline) => this.fire(deadline));
  }

  private fire(deadline: DueDeadline): Promise<void> {
    return this.classes.runOnDeadline(deadline, async (classId) => {
      const earmark = await this.store.earmarkOf(classId);
      return { type: 'ApplyFundsGate', data: { classId, ...(earmark ? { earmark } : {}) } };
    });
  }
}
