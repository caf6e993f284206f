// What a computation knows of a class and its trainees: the facts the claims' local read models keep
// from class-ops (completion), certification (certificates, revocations) and the registry (categories,
// employment). Pure data; the calculators read nothing else.
import type { TraineeCategory, TrainingType } from '../../policy/domain/policy-parameters';

export interface CompletedClassFacts {
  readonly classId: string;
  readonly institutionId: string;
  readonly jurisdictionCode: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly trainingType: TrainingType;
  readonly fundSource: string;
  /** 'YYYY-MM-DD': the policy in force on the start date computes the class (DOMAIN §5) */
  readonly startDate: string;
  readonly endDate: string;
  readonly daysDelivered: number;
  readonly openingDayHeadcount: number;
  /** the average headcount over the officers' inspections, absent when nobody inspected */
  readonly averageInspectedHeadcount?: number;
  /** class-ops found the average below the policy's share of the opening day: subsidies count the average */
  readonly averageRuleApplies: boolean;
  readonly trainees: readonly TraineeAttendance[];
}

export interface TraineeAttendance {
  readonly workerId: string;
  readonly daysAttended: number;
  readonly sessionsAttended: number;
  readonly sessionsTotal: number;
}

export interface CertificateFact {
  readonly certificateId: string;
  readonly workerId: string;
  readonly classId?: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly kind: string;
  readonly issuedOn: string;
  readonly revoked: boolean;
}

export interface EmploymentFact {
  readonly employmentId: string;
  readonly workerId: string;
  readonly startDate: string;
  readonly evidenceKind: string;
  readonly evidenceReference: string;
}

export interface WorkerFacts {
  readonly workerId: string;
  /** the registry's category and key groups, read as the policy's categories (`policyCategoriesOf`) */
  readonly categories: readonly TraineeCategory[];
}

/** The registry's words for a worker, in the policy's: the same groups under the names the policies use. */
export function policyCategoriesOf(category: string, keyGroups: readonly string[]): TraineeCategory[] {
  const names = new Set<string>([category, ...keyGroups]);
  const out = new Set<TraineeCategory>();
  const add = (c: TraineeCategory) => out.add(c);
  for (const name of names) {
    switch (name) {
      case 'urban_unemployed':
        add('unemployed');
        break;
      case 'migrant_worker':
        add('rural_migrant');
        break;
      case 'post_school_youth':
        // 两后生: those of rural households are the 农村“两后生” the policies name apart
        add('two_after');
        if (category === 'rural_labour') add('rural_two_after');
        break;
      case 'minimum_living_family':
        add('urban_subsistence_family');
        break;
      case 'poor_labour':
        // the registry's 建档立卡 poor labour all left poverty by the end of 2020: Jiyuan's 2021 plan calls
        // them 已脱贫劳动力 (「面向已脱贫劳动力开展免费技能培训」); a rule names one or the other
        add('poor_labour');
        add('former_poor_labour');
        break;
      case 'graduate':
      case 'rural_labour':
      case 'urban_labour':
      case 'veteran':
      case 'disabled':
      case 'employment_difficulty':
      case 'zero_employment_family':
        add(name);
        break;
      default:
        break;
    }
  }
  return [...out].sort();
}
