// The class decider (开班 → 审批 → 花名册): opening with every rule judged at once, approval or
// rejection by an officer, roster amendments before the start, withdrawal, and "awaiting funds" when
// the fund ledger refuses the earmark. Pure: the facts the rules need come with the command.
import type { Command, Decider } from '@jineng/ddd';
import { shanghaiDate } from '@jineng/kernel';
import { addCalendarDays } from '@jineng/kernel';
import { daysOf, sessionOn } from '../../check-in/domain/sessions';
import {
  ClassAlreadyApplied,
  ClassAlreadyStarted,
  ClassFundsNotEarmarked,
  ClassNotEnded,
  ClassNotFound,
  ClassNotInStatus,
  ClassRulesFailed,
  InspectionOutsideClass,
  VideoAlreadyRecorded,
  VideoOutsideSession,
} from './class.errors';
import type { ClassEvent, ClassPlan } from './class.events';
import {
  evolveClass,
  initialClassState,
  type ClassState,
  type ClassStatus,
  type KnownClass,
} from './class.state';
import { earmarkRequiredToStart, fundingReason, type EarmarkFact } from './funds-gate';
import { judgeOpening, judgeRoster, type OpeningFacts } from './opening-rules';
import { classPolicy } from './policy-in-force';
import { videoCoverage } from './video-coverage';

export type ApplyToOpenClass = Command<
  'ApplyToOpenClass',
  {
    readonly plan: ClassPlan;
    /** the institution's jurisdiction: the class's */
    readonly jurisdiction: string;
    readonly facts: OpeningFacts;
  }
>;
export type ApproveClass = Command<'ApproveClass', { readonly classId: string }>;
export type RejectClass = Command<'RejectClass', { readonly classId: string; readonly reason: string }>;
export type AmendRoster = Command<
  'AmendRoster',
  { readonly classId: string; readonly workerIds: readonly string[]; readonly facts: OpeningFacts }
>;
export type WithdrawApplication = Command<
  'WithdrawApplication',
  { readonly classId: string; readonly reason?: string }
>;
export type MarkAwaitingFunds = Command<
  'MarkAwaitingFunds',
  {
    readonly classId: string;
    readonly fundSource: string;
    readonly requestedFen: number;
    readonly availableFen: number;
  }
>;

/**
 * Re-approval out of "awaiting funds" (flow.md, money step 1: the ledger refused the earmark and the
 * class waits, visible to the officer): an officer approves it again once the ledger has earmarked the
 * funds (ClassEarmarked, kept by class-ops), before the start. The ledger's last word comes with it.
 */
export type ReapproveClass = Command<
  'ReapproveClass',
  { readonly classId: string; readonly earmark?: EarmarkFact }
>;

/**
 * The dedicated account's start gate, from the scheduler when the first session's check-in window opens:
 * a class paid from 专账 without the ledger's earmark does not start (ClassStartWithheld).
 */
export type ApplyFundsGate = Command<
  'ApplyFundsGate',
  { readonly classId: string; readonly earmark?: EarmarkFact }
>;

/**
 * The opening-day rule (Jiyuan: 「开班当日实际参加培训人数低于计划申报人数 90% 的取消本次培训班」),
 * issued by the scheduler when the first session has ended: the trainees present that day against the
 * planned headcount.
 */
export type ApplyOpeningDayRule = Command<
  'ApplyOpeningDayRule',
  { readonly classId: string; readonly presentCount: number; readonly requiredShare?: number }
>;

export type RecordVideoEvidence = Command<
  'RecordVideoEvidence',
  {
    readonly classId: string;
    readonly evidenceId: string;
    readonly sessionNo: number;
    readonly kind: 'theory' | 'practical';
    readonly startsAt: string;
    readonly endsAt: string;
    readonly storageUri: string;
    readonly sha256: string;
  }
>;

export type RecordInspection = Command<
  'RecordInspection',
  {
    readonly classId: string;
    readonly inspectionId: string;
    readonly at: string;
    readonly place: string;
    readonly teachersPresent: readonly string[];
    readonly headcount: number;
    readonly notes?: string;
  }
>;

export type CompleteClass = Command<
  'CompleteClass',
  {
    readonly classId: string;
    /** per trainee of the roster, the sessions with an accepted check-in */
    readonly attendance: readonly { readonly workerId: string; readonly sessions: readonly number[] }[];
    readonly inspectionPresenceShare?: number;
    readonly minPracticalVideoMinutesPerHour?: number;
  }
>;

export type ClassCommand =
  | ApplyToOpenClass
  | ApproveClass
  | RejectClass
  | AmendRoster
  | WithdrawApplication
  | MarkAwaitingFunds
  | ReapproveClass
  | ApplyFundsGate
  | ApplyOpeningDayRule
  | RecordVideoEvidence
  | RecordInspection
  | CompleteClass;

/** When each day's session starts unless the plan says otherwise (Asia/Shanghai). */
export const DEFAULT_DAILY_START_TIME = '08:30';

/** Before the start a class may still change hands: approved, amended, withdrawn. */
const OPEN: readonly ClassStatus[] = ['applied', 'approved', 'awaiting_funds'];

const todayOf = (command: { metadata: { now: string } }) => shanghaiDate(new Date(command.metadata.now));

function known(state: ClassState, classId: string): KnownClass {
  if (state.status === 'none') throw new ClassNotFound({ classId });
  return state;
}

function inStatus(state: KnownClass, allowed: readonly ClassStatus[], action: string): void {
  if (!allowed.includes(state.status as ClassStatus))
    throw new ClassNotInStatus({
      classId: state.applied.classId,
      status: state.status,
      allowed: [...allowed],
      action,
    });
}

function notStarted(state: KnownClass, today: string): void {
  if (today >= state.applied.startDate)
    throw new ClassAlreadyStarted({
      classId: state.applied.classId,
      startDate: state.applied.startDate,
      today,
    });
}

export function decideClass(command: ClassCommand, state: ClassState): ClassEvent[] {
  const today = todayOf(command);
  switch (command.type) {
    case 'ApplyToOpenClass': {
      const { plan, jurisdiction, facts } = command.data;
      if (state.status !== 'none') throw new ClassAlreadyApplied({ classId: plan.classId });
      const workerIds = [...new Set(plan.workerIds)];
      const judged = judgeOpening({ ...plan, workerIds }, jurisdiction, today, facts);
      if (judged.failures.length > 0) throw new ClassRulesFailed({ failures: [...judged.failures] });
      return [
        {
          type: 'ClassApplied.v1',
          data: {
            classId: plan.classId,
            institutionId: plan.institutionId,
            jurisdictionCode: jurisdiction,
            occupationCode: plan.occupationCode,
            level: plan.level,
            trainingType: plan.trainingType,
            startDate: plan.startDate,
            endDate: plan.endDate,
            totalHours: plan.totalHours,
            theoryHours: plan.theoryHours,
            practicalHours: plan.practicalHours,
            mode: plan.mode,
            keyGroup: plan.keyGroup,
            fundSource: plan.fundSource,
            plannedHeadcount: plan.plannedHeadcount,
            workerIds,
            policyVersionIds: [...judged.policy.versionIds],
            warnings: [...judged.warnings],
            lessonMinutes: plan.lessonMinutes,
            teachingPlanReference: plan.teachingPlanReference,
            site: plan.site,
            teacherIds: [...new Set(plan.teacherIds)],
            dailyStartTime: plan.dailyStartTime ?? DEFAULT_DAILY_START_TIME,
          },
        },
      ];
    }
    case 'ApproveClass': {
      const cls = known(state, command.data.classId);
      inStatus(cls, ['applied'], 'approved');
      notStarted(cls, today);
      const {
        warnings: _w,
        lessonMinutes: _l,
        teachingPlanReference: _t,
        site: _s,
        teacherIds: _i,
        dailyStartTime: _d,
        ...plan
      } = cls.applied;
      return [
        {
          type: 'ClassApproved.v1',
          data: {
            ...plan,
            workerIds: cls.workerIds,
            plannedHeadcount: cls.plannedHeadcount,
            approvedBy: command.metadata.actor.userId,
          },
        },
      ];
    }
    case 'RejectClass': {
      const cls = known(state, command.data.classId);
      inStatus(cls, ['applied'], 'rejected');
      return [
        {
          type: 'ClassRejected.v1',
          data: {
            classId: cls.applied.classId,
            institutionId: cls.applied.institutionId,
            jurisdictionCode: cls.applied.jurisdictionCode,
            reason: command.data.reason,
            rejectedBy: command.metadata.actor.userId,
          },
        },
      ];
    }
    case 'AmendRoster': {
      const cls = known(state, command.data.classId);
      inStatus(cls, OPEN, 'amended');
      notStarted(cls, today);
      const workerIds = [...new Set(command.data.workerIds)];
      const added = workerIds.filter((id) => !cls.workerIds.includes(id));
      const removed = cls.workerIds.filter((id) => !workerIds.includes(id));
      if (added.length === 0 && removed.length === 0) return [];
      const a = cls.applied;
      const plan: ClassPlan = {
        classId: a.classId,
        institutionId: a.institutionId,
        occupationCode: a.occupationCode,
        level: a.level,
        trainingType: a.trainingType as ClassPlan['trainingType'],
        startDate: a.startDate,
        endDate: a.endDate,
        totalHours: a.totalHours,
        theoryHours: a.theoryHours,
        practicalHours: a.practicalHours,
        lessonMinutes: a.lessonMinutes,
        teachingPlanReference: a.teachingPlanReference,
        site: a.site,
        teacherIds: a.teacherIds,
        dailyStartTime: a.dailyStartTime,
        mode: a.mode,
        keyGroup: a.keyGroup,
        workerIds,
        // the headcount follows the roster: a shorter roster is no longer held to the planned one
        plannedHeadcount: workerIds.length,
        fundSource: a.fundSource as ClassPlan['fundSource'],
      };
      const policy = classPolicy(a.jurisdictionCode, a.startDate, command.data.facts.policyVersions);
      const judged = judgeRoster(plan, workerIds, added, command.data.facts, policy);
      if (judged.failures.length > 0) throw new ClassRulesFailed({ failures: judged.failures });
      return [
        {
          type: 'RosterAmended.v1',
          data: {
            classId: a.classId,
            workerIds,
            addedWorkerIds: added,
            removedWorkerIds: removed,
            warnings: judged.warnings,
          },
        },
      ];
    }
    case 'WithdrawApplication': {
      const cls = known(state, command.data.classId);
      inStatus(cls, OPEN, 'withdrawn');
      notStarted(cls, today);
      return [
        {
          type: 'ClassCancelled.v1',
          data: {
            classId: cls.applied.classId,
            institutionId: cls.applied.institutionId,
            jurisdictionCode: cls.applied.jurisdictionCode,
            reasonCode: 'WITHDRAWN',
            ...(command.data.reason ? { reason: command.data.reason } : {}),
          },
        },
      ];
    }
    case 'ApplyOpeningDayRule': {
      const cls = known(state, command.data.classId);
      // a class withdrawn, rejected or still waiting for funds does not open; a rule applied once stays applied
      if (cls.status !== 'approved') return [];
      const { classId, presentCount, requiredShare } = command.data;
      const { institutionId, jurisdictionCode } = cls.applied;
      const planned = cls.plannedHeadcount;
      if (requiredShare !== undefined && !presenceSuffices(presentCount, planned, requiredShare))
        return [
          {
            type: 'ClassCancelled.v1',
            data: {
              classId,
              institutionId,
              jurisdictionCode,
              reasonCode: 'OPENING_DAY_PRESENCE',
              figures: { presentCount, plannedHeadcount: planned, requiredShare },
            },
          },
        ];
      return [
        {
          type: 'ClassStarted.v1',
          data: {
            classId,
            openingDayHeadcount: presentCount,
            plannedHeadcount: planned,
            ...(requiredShare === undefined ? {} : { requiredShare }),
          },
        },
      ];
    }
    case 'RecordVideoEvidence': {
      const cls = known(state, command.data.classId);
      inStatus(cls, ['approved', 'running'], 'given video evidence');
      const d = command.data;
      if (cls.videos.some((v) => v.evidenceId === d.evidenceId)) return [];
      const twin = cls.videos.find((v) => v.sha256 === d.sha256);
      if (twin) throw new VideoAlreadyRecorded({ sha256: d.sha256, evidenceId: twin.evidenceId });
      const session = sessionOn(cls.applied, addCalendarDays(cls.applied.startDate, d.sessionNo - 1));
      if (!session || d.sessionNo > daysOf(cls.applied))
        throw new VideoOutsideSession({
          field: 'sessionNo',
          sessionNo: d.sessionNo,
          reason: 'no such session',
        });
      if (Date.parse(d.endsAt) <= Date.parse(d.startsAt))
        throw new VideoOutsideSession({
          field: 'endsAt',
          sessionNo: d.sessionNo,
          reason: 'it ends before it starts',
        });
      if (
        shanghaiDate(new Date(d.startsAt)) !== session.date ||
        shanghaiDate(new Date(d.endsAt)) !== session.date
      )
        throw new VideoOutsideSession({
          field: 'startsAt',
          sessionNo: d.sessionNo,
          reason: `not on ${session.date}`,
        });
      return [{ type: 'VideoEvidenceRecorded.v1', data: { ...d } }];
    }
    case 'RecordInspection': {
      const cls = known(state, command.data.classId);
      inStatus(cls, ['running'], 'inspected');
      const { notes, ...d } = command.data;
      const day = shanghaiDate(new Date(d.at));
      if (day < cls.applied.startDate || day > cls.applied.endDate)
        throw new InspectionOutsideClass({
          field: 'at',
          at: d.at,
          startDate: cls.applied.startDate,
          endDate: cls.applied.endDate,
        });
      const headcounts = [...cls.inspections.map((i) => i.headcount), d.headcount];
      const average = round2(headcounts.reduce((a, b) => a + b, 0) / headcounts.length);
      const opening = cls.openingDayHeadcount;
      return [
        {
          type: 'InspectionRecorded.v1',
          data: {
            ...d,
            teachersPresent: [...d.teachersPresent],
            inspectedBy: command.metadata.actor.userId,
            ...(notes ? { notes } : {}),
            averageInspectedHeadcount: average,
            ...(opening ? { ratioToOpeningDay: round4(average / opening) } : {}),
          },
        },
      ];
    }
    case 'CompleteClass': {
      const cls = known(state, command.data.classId);
      inStatus(cls, ['running'], 'completed');
      const a = cls.applied;
      const sessionsTotal = daysOf(a);
      const last = sessionOn(a, a.endDate)!;
      if (Date.parse(command.metadata.now) < Date.parse(last.endsAt))
        throw new ClassNotEnded({ classId: a.classId, endsAt: last.endsAt, now: command.metadata.now });
      const { attendance, inspectionPresenceShare, minPracticalVideoMinutesPerHour } = command.data;
      const attended = new Map(
        attendance.map((t) => [t.workerId, new Set(t.sessions.filter((n) => n <= sessionsTotal))]),
      );
      const delivered = new Set([...attended.values()].flatMap((sessions) => [...sessions]));
      const hoursOf = (sessionNo: number) =>
        Math.floor(a.totalHours / sessionsTotal) + (sessionNo <= a.totalHours % sessionsTotal ? 1 : 0);
      const headcounts = cls.inspections.map((i) => i.headcount);
      const average =
        headcounts.length === 0
          ? undefined
          : round2(headcounts.reduce((x, y) => x + y, 0) / headcounts.length);
      const opening = cls.openingDayHeadcount ?? 0;
      const averageRuleApplies =
        average !== undefined &&
        inspectionPresenceShare !== undefined &&
        average * 10000 < Math.round(inspectionPresenceShare * 10000) * opening;
      const coverage = videoCoverage(a, cls.videos, minPracticalVideoMinutesPerHour);
      return [
        {
          type: 'ClassCompleted.v1',
          data: {
            classId: a.classId,
            institutionId: a.institutionId,
            jurisdictionCode: a.jurisdictionCode,
            occupationCode: a.occupationCode,
            level: a.level,
            trainingType: a.trainingType,
            mode: a.mode,
            keyGroup: a.keyGroup,
            fundSource: a.fundSource,
            startDate: a.startDate,
            endDate: a.endDate,
            daysDelivered: delivered.size,
            hoursDelivered: [...delivered].reduce((sum, n) => sum + hoursOf(n), 0),
            sessionsTotal,
            plannedHeadcount: cls.plannedHeadcount,
            openingDayHeadcount: opening,
            ...(average === undefined ? {} : { averageInspectedHeadcount: average }),
            averageRuleApplies,
            trainees: cls.workerIds.map((workerId) => {
              const sessions = attended.get(workerId)?.size ?? 0;
              return { workerId, sessionsAttended: sessions, sessionsTotal, daysAttended: sessions };
            }),
            videoCoverage: {
              theoryCoveredInFull: coverage.theoryCoveredInFull,
              practicalMinutesShortfall: coverage.practicalMinutesShortfall,
              gaps: coverage.gaps.map((g) => ({ ...g })),
            },
            policyVersionIds: [...a.policyVersionIds],
          },
        },
      ];
    }
    case 'ReapproveClass': {
      const cls = known(state, command.data.classId);
      inStatus(cls, ['awaiting_funds'], 'approved again');
      notStarted(cls, today);
      const { classId, institutionId, jurisdictionCode, fundSource } = cls.applied;
      const earmark = command.data.earmark;
      if (earmark?.status !== 'earmarked')
        throw new ClassFundsNotEarmarked({
          classId,
          fundSource,
          ledger: earmark ? 'refused' : 'none',
          ...(earmark ? { requestedFen: earmark.amountFen, availableFen: earmark.availableFen } : {}),
        });
      return [
        {
          type: 'ClassReapproved.v1',
          data: {
            classId,
            institutionId,
            jurisdictionCode,
            fundSource,
            earmarkedFen: earmark.amountFen,
            approvedBy: command.metadata.actor.userId,
          },
        },
      ];
    }
    case 'ApplyFundsGate': {
      const cls = known(state, command.data.classId);
      const { classId, institutionId, jurisdictionCode, fundSource } = cls.applied;
      const earmark = command.data.earmark;
      // only an approved class starts; only the dedicated account waits for its earmark
      if (cls.status !== 'approved' || !earmarkRequiredToStart(fundSource) || earmark?.status === 'earmarked')
        return [];
      return [
        {
          type: 'ClassStartWithheld.v1',
          data: {
            classId,
            institutionId,
            jurisdictionCode,
            fundSource,
            reasonCode: earmark ? 'EARMARK_REFUSED' : 'NO_EARMARK',
            ...(earmark ? { requestedFen: earmark.amountFen, availableFen: earmark.availableFen } : {}),
            reason: fundingReason(fundSource, earmark),
          },
        },
      ];
    }
    case 'MarkAwaitingFunds': {
      const cls = known(state, command.data.classId);
      // a refusal that arrives after the class was cancelled or already waits changes nothing
      if (cls.status !== 'approved') return [];
      const { classId, fundSource, requestedFen, availableFen } = command.data;
      return [{ type: 'ClassAwaitingFunds.v1', data: { classId, fundSource, requestedFen, availableFen } }];
    }
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10000) / 10000;

/** present ≥ share × planned, compared in integers (exactly the share passes) */
export function presenceSuffices(present: number, planned: number, share: number): boolean {
  return present * 10000 >= Math.round(share * 10000) * planned;
}

export const classDecider: Decider<ClassCommand, ClassState, ClassEvent> = {
  initialState: initialClassState,
  decide: decideClass,
  evolve: evolveClass,
};
