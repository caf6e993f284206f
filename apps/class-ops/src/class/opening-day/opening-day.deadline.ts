// The opening-day rule from the deadlines scheduler on the service clock (issue 11; Jiyuan 2021:
// 「开班当日实际参加培训人数低于计划申报人数 90% 的取消本次培训班」). Approving a class schedules its
// deadline, due when its first session ends; when due, the trainees present that day (accepted
// check-ins of session 1) go to the decider with the policy's share, which cancels the class
// (`ClassCancelled`, OPENING_DAY_PRESENCE, with the figures) or starts it (`ClassStarted`). The command
// id is the deadline's, so a re-fire records nothing new; a scheduler that was down fires it when it
// is back (due by the clock), once.
import { DeadlineScheduler, type DueDeadline } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { sessionOn } from '../../check-in/domain/sessions';
import { ClassStore } from '../../shared/class-store';
import { ClassCommands } from '../class-command';
import type { ClassApplied } from '../domain/class.events';

export const OPENING_DAY_DEADLINE = 'class-ops.opening-day';

export const openingDayDeadlineId = (classId: string): string => `class-${classId}:opening-day`;

/** The end of the first session (Asia/Shanghai). */
export const openingDayEnds = (plan: ClassApplied['data']): Date =>
  new Date(sessionOn(plan, plan.startDate)!.endsAt);

@Injectable()
export class OpeningDayDeadline {
  constructor(
    private readonly deadlines: DeadlineScheduler,
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
  ) {}

  /** In the approving transaction. */
  schedule(tx: PoolClient, plan: ClassApplied['data']): Promise<boolean> {
    return this.deadlines.schedule(tx, {
      id: openingDayDeadlineId(plan.classId),
      kind: OPENING_DAY_DEADLINE,
      dueAt: openingDayEnds(plan),
      data: { classId: plan.classId },
    });
  }

  /** In onModuleInit. */
  register(): void {
    this.deadlines.handle(OPENING_DAY_DEADLINE, (deadline) => this.fire(deadline));
  }

  private fire(deadline: DueDeadline): Promise<void> {
    return this.classes.runOnDeadline(deadline, async (classId) => {
      const presentCount = await this.store.presentIn(classId, 1);
      const share = (await this.store.classOpeningPolicyOf(classId))?.minOpeningDayPresenceShare;
      return {
        type: 'ApplyOpeningDayRule',
        data: { classId, presentCount, ...(typeof share === 'number' ? { requiredShare: share } : {}) },
      };
    });
  }
}
