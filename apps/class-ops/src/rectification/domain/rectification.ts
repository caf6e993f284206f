// Rectification (整改) after a class's satisfaction fell short. Jiyuan 2021 (seeds/jiyuan-2021-hr-work-plan.txt):
// 「落实培训后同步进行满意度调查，低于85%的停止培训开班，限期整改」. Certification emits
// ClassSatisfactionBelowMinimum; class-ops keeps it (the class-ops-certification read model) and refuses the
// institution's openings (CLASS.INSTITUTION_RECTIFYING) until an officer of its jurisdiction records the
// rectification here: one stream per institution, each event answering the failures open at the time.
import type { classOpsV1 } from '@jineng/contracts';
import { defineDomainError, type Command, type Decider, type DomainEvent } from '@jineng/ddd';
import type { JsonData } from '../../class/domain/class.events';

export type InstitutionRectificationRecorded = DomainEvent<
  'InstitutionRectificationRecorded.v1',
  JsonData<classOpsV1.InstitutionRectificationRecorded>
>;
export type RectificationEvent = InstitutionRectificationRecorded;

export type RecordRectification = Command<
  'RecordRectification',
  {
    readonly institutionId: string;
    readonly jurisdiction: string;
    readonly reason: string;
    /** the classes of the institution whose satisfaction fell short, not yet rectified (the read model) */
    readonly openClassIds: readonly string[];
  }
>;
export type RectificationCommand = RecordRectification;

export type RectificationState = { readonly rectifiedClassIds: ReadonlySet<string> };

export const rectificationStreamId = (institutionId: string): string =>
  `institution-rectification-${institutionId.toLowerCase()}`;

export class NothingToRectify extends defineDomainError<{ institutionId: string }>({
  code: 'CLASS.NOTHING_TO_RECTIFY',
  category: 'illegal_state',
  zh: (d) => `培训机构 ${d.institutionId} 没有待整改的满意度不达标培训班`,
  en: (d) => `institution ${d.institutionId} has no class with a satisfaction shortfall to rectify`,
}) {}

export class RectifyingInstitutionUnknown extends defineDomainError<{ institutionId: string }>({
  code: 'CLASS.INSTITUTION_UNKNOWN',
  category: 'not_found',
  zh: (d) => `培训机构 ${d.institutionId} 未登记`,
  en: (d) => `institution ${d.institutionId} is not registered`,
}) {}

export const rectificationDecider: Decider<RectificationCommand, RectificationState, RectificationEvent> = {
  initialState: () => ({ rectifiedClassIds: new Set() }),
  evolve: (state, event) => ({
    rectifiedClassIds: new Set([...state.rectifiedClassIds, ...event.data.classIds]),
  }),
  decide: (command, state) => {
    const { data, metadata } = command;
    const classIds = [...new Set(data.openClassIds)].filter((id) => !state.rectifiedClassIds.has(id)).sort();
    if (classIds.length === 0) throw new NothingToRectify({ institutionId: data.institutionId });
    return [
      {
        type: 'InstitutionRectificationRecorded.v1',
        data: {
          institutionId: data.institutionId,
          jurisdictionCode: data.jurisdiction,
          classIds,
          reason: data.reason,
          recordedBy: metadata.actor.userId,
        },
      },
    ];
  },
};
