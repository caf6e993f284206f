// MapTargetAssignee (stream target-assignee-<id of jurisdiction and assignee>): which institutions a name
// the jurisdiction's published target tables assign trainings to stands for. The tables print their
// 承担单位 as names (济源职业技术学院 800 …, or groups such as 民办培训机构) while a class names its
// institution by id; finance of the publishing jurisdiction says which ids an assignee is, so the report
// can count each assignee's trainings against its target. A later mapping replaces the earlier; the same
// one again records nothing.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError, uuidV5, type Command, type Decider } from '@jineng/ddd';
import { assertFinanceIn, type ActorJurisdiction } from '../../funds/domain/funds.decide';
import type { JsonData } from '../../ledger/domain/json-data';

const ASSIGNEE_NAMESPACE = '8c4e2a1d-6f3b-4c9e-9a7d-1b2c3d4e5f60';
export const targetAssigneeStreamId = (jurisdictionCode: string, assignee: string): string =>
  `target-assignee-${uuidV5(ASSIGNEE_NAMESPACE, `${jurisdictionCode}:${assignee}`)}`;

export class AssigneeNotInTargets extends defineDomainError<{
  field: string;
  assignee: string;
  jurisdictionCode: string;
}>({
  code: 'REPORT.ASSIGNEE_NOT_IN_TARGETS',
  category: 'validation',
  zh: (d) => `${d.jurisdictionCode} 已发布的目标任务表中没有承担单位“${d.assignee}”（须与原文一致）`,
  en: (d) =>
    `no published target table of ${d.jurisdictionCode} assigns trainings to '${d.assignee}' (it must be as printed)`,
}) {}

export class InstitutionRepeated extends defineDomainError<{ field: string; institutionId: string }>({
  code: 'REPORT.INSTITUTION_REPEATED',
  category: 'validation',
  zh: (d) => `机构 ${d.institutionId} 重复`,
  en: (d) => `institution ${d.institutionId} is given twice`,
}) {}

export type MapTargetAssignee = Command<
  'MapTargetAssignee',
  JsonData<fundLedgerV1.MapTargetAssignee> &
    ActorJurisdiction & {
      /** the assignees the jurisdiction's published target tables name */
      readonly publishedAssignees: readonly string[];
    }
>;
export type TargetAssigneeEvent = {
  type: 'TargetAssigneeMapped.v1';
  data: JsonData<fundLedgerV1.TargetAssigneeMapped>;
};
export type TargetAssigneeState = { readonly mapped?: JsonData<fundLedgerV1.TargetAssigneeMapped> };

export const targetAssigneeDecider: Decider<MapTargetAssignee, TargetAssigneeState, TargetAssigneeEvent> = {
  initialState: () => ({}),
  evolve: (_state, event) => ({ mapped: event.data }),
  decide: (command, state) => {
    const { jurisdictionCode, assignee, institutionIds, actorJurisdiction, publishedAssignees } =
      command.data;
    assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
    if (!publishedAssignees.includes(assignee))
      throw new AssigneeNotInTargets({ field: 'assignee', assignee, jurisdictionCode });
    const ids = institutionIds.map((id) => id.toLowerCase());
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated !== undefined)
      throw new InstitutionRepeated({ field: 'institutionIds', institutionId: repeated });
    const sorted = [...ids].sort();
    const mapped = state.mapped?.institutionIds;
    if (mapped && mapped.length === sorted.length && mapped.every((id, i) => id === sorted[i])) return [];
    return [
      { type: 'TargetAssigneeMapped.v1', data: { jurisdictionCode, assignee, institutionIds: sorted } },
    ];
  },
};
