// Which fund sources may pay a subsidy for one trainee's training, read from the policy in force: the
// sources listed for the kind, less those whose limits exclude it (Yuncheng's unemployment-insurance
// fund pays only the re-employment training of the unemployed and enterprise staff's upskilling;
// Jiyuan's dedicated account never trains those with no ability or wish to work). Each source left
// out says why.
import type { subsidyV1 } from '@jineng/contracts';
import type { FundSource, TraineeCategory, TraineeFinding, TrainingType } from '@jineng/subsidy-computation';
import { lookupParameter, type ResolvedPolicy } from '@jineng/subsidy-computation';

/** The kinds of subsidy FundSourceRules lists sources for: training, livingAllowance, … */
export type FundKind = Exclude<keyof subsidyV1.FundSourceRules, 'limits'>;
type Limit = subsidyV1.FundSourceLimit;

export interface FundedTraining {
  readonly traineeCategories: readonly TraineeCategory[];
  readonly trainingType?: TrainingType;
  /** what an officer found of the trainee: no ability / no wish to work, cannot move into work */
  readonly traineeFindings?: readonly TraineeFinding[];
}

export type FundSourcesAnswer =
  | {
      readonly set: true;
      readonly sources: readonly FundSource[];
      readonly excluded: readonly { readonly source: FundSource; readonly reason: Reason }[];
    }
  | { readonly set: false; readonly reason: Reason };

interface Reason {
  readonly zh: string;
  readonly en: string;
}

export function fundSourcesFor(
  resolved: ResolvedPolicy,
  kind: FundKind,
  training: FundedTraining,
): FundSourcesAnswer {
  const listed = lookupParameter(resolved, 'fundSources', kind);
  if (!listed.set) return { set: false, reason: listed.reason };
  const limits = lookupParameter(resolved, 'fundSources', 'limits');
  const sources: FundSource[] = [];
  const excluded: { source: FundSource; reason: Reason }[] = [];
  for (const source of listed.value as readonly FundSource[]) {
    const limit = limits.set ? limits.value.find((l) => l.fundSource === source) : undefined;
    const reason = limit && exclusion(limit, training);
    if (reason) excluded.push({ source, reason });
    else sources.push(source);
  }
  return { set: true, sources, excluded };
}

function exclusion(limit: Limit, training: FundedTraining): Reason | undefined {
  const found = limit.excludedTrainees?.filter((e) => training.traineeFindings?.includes(e)) ?? [];
  if (found.length > 0) {
    return {
      zh: `${limit.fundSource} 不得用于培训此类人员：${found.join('、')}`,
      en: `${limit.fundSource} never pays for training a trainee found: ${found.join(', ')}`,
    };
  }
  const allowed =
    limit.onlyFor === undefined ||
    limit.onlyFor.some(
      (use) =>
        use.traineeCategories.some((c) => training.traineeCategories.includes(c)) &&
        (use.trainingTypes === undefined ||
          (training.trainingType !== undefined && use.trainingTypes.includes(training.trainingType))),
    );
  if (allowed) return undefined;
  return {
    zh: `${limit.fundSource} 仅用于：${limit.onlyFor!.map(describeUse).join('；')}`,
    en: `${limit.fundSource} pays only for: ${limit.onlyFor!.map(describeUse).join('; ')}`,
  };
}

const describeUse = (use: NonNullable<Limit['onlyFor']>[number]) =>
  `${use.traineeCategories.join('/')}${use.trainingTypes ? ` (${use.trainingTypes.join('/')})` : ''}`;
