// Video evidence coverage (DOMAIN §3; Jiyuan 2021: 「理论教学全程录像，实操培训每学时连续录像不低于15分钟」):
// theory recorded in full — the merged theory recordings cover the theory hours × lesson minutes;
// practical at least the policy's continuous minutes per class hour — one recording of L continuous
// minutes covers the class hours k with L ≥ (k − 1) × lesson minutes + the minimum. Per session the
// plan's daily share is expected; what a session lacks is listed as a gap.
import { daysOf, type SessionPlan } from '../../check-in/domain/sessions';

export type VideoEvidence = {
  readonly sessionNo: number;
  readonly kind: 'theory' | 'practical';
  readonly startsAt: string;
  readonly endsAt: string;
};

export type CoveragePlan = SessionPlan & { readonly theoryHours: number; readonly practicalHours: number };

export type CoverageGap = {
  readonly sessionNo: number;
  readonly kind: 'theory' | 'practical';
  readonly missingMinutes: number;
};

export type Coverage = {
  readonly theoryCoveredInFull: boolean;
  readonly theoryMinutesRequired: number;
  readonly theoryMinutesRecorded: number;
  readonly practicalHoursRequired: number;
  readonly practicalHoursCovered: number;
  readonly practicalMinutesPerHour: number;
  readonly practicalMinutesShortfall: number;
  readonly gaps: readonly CoverageGap[];
};

const minutes = (v: VideoEvidence) => (Date.parse(v.endsAt) - Date.parse(v.startsAt)) / 60_000;

/** Minutes covered by the union of the recordings (overlaps counted once). */
export function mergedMinutes(videos: readonly VideoEvidence[]): number {
  const spans = videos
    .map((v) => [Date.parse(v.startsAt), Date.parse(v.endsAt)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [start, end] of spans) {
    if (start > to) {
      if (to > from) total += to - from;
      [from, to] = [start, end];
    } else to = Math.max(to, end);
  }
  if (to > from) total += to - from;
  return Math.floor(total / 60_000);
}

/** Class hours one continuous practical recording covers. */
export function practicalHoursOf(recordingMinutes: number, lessonMinutes: number, minimum: number): number {
  if (recordingMinutes < minimum) return 0;
  return Math.floor((recordingMinutes - minimum) / lessonMinutes) + 1;
}

export function videoCoverage(
  plan: CoveragePlan,
  videos: readonly VideoEvidence[],
  practicalMinutesPerHour: number | undefined,
): Coverage {
  const days = daysOf(plan);
  const theory = videos.filter((v) => v.kind === 'theory');
  const practical = videos.filter((v) => v.kind === 'practical');
  const theoryMinutesRequired = plan.theoryHours * plan.lessonMinutes;
  const theoryMinutesRecorded = mergedMinutes(theory);
  const perHour = practicalMinutesPerHour ?? 0;
  const covered = (list: readonly VideoEvidence[]) =>
    perHour === 0
      ? 0
      : list.reduce((sum, v) => sum + practicalHoursOf(minutes(v), plan.lessonMinutes, perHour), 0);
  const practicalHoursCovered =
    perHour === 0 ? plan.practicalHours : Math.min(plan.practicalHours, covered(practical));
  const gaps: CoverageGap[] = [];
  for (let sessionNo = 1; sessionNo <= days; sessionNo++) {
    // the plan's share of each kind for this day: the hours spread evenly, the remainder on the first days
    const share = (hours: number) => Math.floor(hours / days) + (sessionNo <= hours % days ? 1 : 0);
    const theoryDue = share(plan.theoryHours) * plan.lessonMinutes;
    const theoryHad = mergedMinutes(theory.filter((v) => v.sessionNo === sessionNo));
    if (theoryHad < theoryDue)
      gaps.push({ sessionNo, kind: 'theory', missingMinutes: theoryDue - theoryHad });
    if (perHour > 0) {
      const practicalDue = share(plan.practicalHours);
      const practicalHad = covered(practical.filter((v) => v.sessionNo === sessionNo));
      if (practicalHad < practicalDue)
        gaps.push({ sessionNo, kind: 'practical', missingMinutes: (practicalDue - practicalHad) * perHour });
    }
  }
  return {
    theoryCoveredInFull: theoryMinutesRecorded >= theoryMinutesRequired,
    theoryMinutesRequired,
    theoryMinutesRecorded,
    practicalHoursRequired: plan.practicalHours,
    practicalHoursCovered,
    practicalMinutesPerHour: perHour,
    practicalMinutesShortfall: (plan.practicalHours - practicalHoursCovered) * perHour,
    gaps,
  };
}
