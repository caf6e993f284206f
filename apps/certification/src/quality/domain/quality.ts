// An institution's year (培训机构动态管理和退出机制): the outcome figures of its classes that ended in the
// year, against the policy's yearly minimums. Yuncheng 2018: 「凡当年培训合格率不达80%、就业率不达30%的,
// 取消下一年度承担政府补贴性培训任务资格」.
import type { certificationV1 } from '@jineng/contracts';
import type { Command, DomainEvent } from '@jineng/ddd';
import type { JsonData } from '../../shared/rpc';

export type InstitutionYearEvaluated = DomainEvent<
  'InstitutionYearEvaluated.v1',
  JsonData<certificationV1.InstitutionYearEvaluated>
>;
export type InstitutionFailedQualityThreshold = DomainEvent<
  'InstitutionFailedQualityThreshold.v1',
  JsonData<certificationV1.InstitutionFailedQualityThreshold>
>;
export type QualityEvent = InstitutionYearEvaluated | InstitutionFailedQualityThreshold;

/** The counts the rates come from. */
export type OutcomeCounts = {
  readonly classes: number;
  readonly trainees: number;
  readonly passed: number;
  readonly certified: number;
  /** null where the policy sets no months to count employment in */
  readonly employed: number | null;
  readonly employmentWithinMonths: number | null;
};

export type Minimum = { readonly value: number; readonly versionId: string };

export type EvaluateInstitutionYear = Command<
  'EvaluateInstitutionYear',
  JsonData<certificationV1.EvaluateInstitutionYear> & {
    readonly jurisdictionCode: string;
    readonly counts: OutcomeCounts;
    readonly minPassRate: Minimum | null;
    readonly minEmploymentRate: Minimum | null;
  }
>;
export type QualityCommand = EvaluateInstitutionYear;

export const qualityStreamId = (institutionId: string, year: number): string =>
  `institution-quality-${institutionId}-${year}`;

export type QualityState = { readonly evaluated: boolean };
