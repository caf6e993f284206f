// MapTargetProgramme (stream target-programme-<id of jurisdiction and programme>): which trainings count
// toward a programme of a jurisdiction's published target tables. The tables print programmes in words
// (企业职工职业技能培训, 就业重点群体培训 …) while a class names its training type; finance of the
// publishing jurisdiction says which types (for key groups only, where set) a programme is, so the
// report can measure it and judge the tables' constraints (DOMAIN §8: "constraints such as 'enterprise
// staff ≥ 50% of trainees'"). A later mapping replaces the earlier; the same one again records nothing.
import type { fundLedgerV1 } from '@jineng/contracts';
import { defineDomainError, uuidV5, type Command, type Decider } from '@jineng/ddd';
import { assertFinanceIn, type ActorJurisdiction } from '../../funds/domain/funds.decide';
import type { JsonData } from '../../ledger/domain/json-data';

const PROGRAMME_NAMESPACE = '3b0f6c52-9d1e-4f7a-8c2b-5e6d7f8a9b0c';
export const targetProgrammeStreamId = (jurisdictionCode: string, programme: string): string =>
  `target-programme-${uuidV5(PROGRAMME_NAMESPACE, `${jurisdictionCode}:${programme}`)}`;

export class ProgrammeNotInTargets extends defineDomainError<{
  field: string;
  programme: string;
  jurisdictionCode: string;
}>({
  code: 'REPORT.PROGRAMME_NOT_IN_TARGETS',
  category: 'validation',
  zh: (d) => `${d.jurisdictionCode} 已发布的目标任务表中没有项目“${d.programme}”（须与原文一致）`,
  en: (d) =>
    `no published target table of ${d.jurisdictionCode} names the programme '${d.programme}' (it must be as printed)`,
}) {}

export class TrainingTypesRepeated extends defineDomainError<{ field: string; trainingType: string }>({
  code: 'REPORT.TRAINING_TYPE_REPEATED',
  category: 'validation',
  zh: (d) => `培训类型 ${d.trainingType} 重复`,
  en: (d) => `training type ${d.trainingType} is given twice`,
}) {}

export type MapTargetProgramme = Command<
  'MapTargetProgramme',
  JsonData<fundLedgerV1.MapTargetProgramme> &
    ActorJurisdiction & {
      /** the programmes the jurisdiction's published target tables print (lines and constraints) */
      readonly publishedProgrammes: readonly string[];
    }
>;
export type TargetProgrammeEvent = {
  type: 'TargetProgrammeMapped.v1';
  data: JsonData<fundLedgerV1.TargetProgrammeMapped>;
};
export type TargetProgrammeState = { readonly mapped?: JsonData<fundLedgerV1.TargetProgrammeMapped> };

const sameTypes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((t, i) => t === [...b].sort()[i]);

export const targetProgrammeDecider: Decider<MapTargetProgramme, TargetProgrammeState, TargetProgrammeEvent> =
  {
    initialState: () => ({}),
    evolve: (_state, event) => ({ mapped: event.data }),
    decide: (command, state) => {
      const { jurisdictionCode, programme, trainingTypes, actorJurisdiction, publishedProgrammes } =
        command.data;
      const keyGroupOnly = command.data.keyGroupOnly === true;
      assertFinanceIn(command.metadata, actorJurisdiction, jurisdictionCode);
      if (!publishedProgrammes.includes(programme))
        throw new ProgrammeNotInTargets({ field: 'programme', programme, jurisdictionCode });
      const repeated = trainingTypes.find((t, i) => trainingTypes.indexOf(t) !== i);
      if (repeated !== undefined)
        throw new TrainingTypesRepeated({ field: 'trainingTypes', trainingType: repeated });
      const mapped = state.mapped;
      if (mapped && mapped.keyGroupOnly === keyGroupOnly && sameTypes(mapped.trainingTypes, trainingTypes))
        return [];
      return [
        {
          type: 'TargetProgrammeMapped.v1',
          data: { jurisdictionCode, programme, trainingTypes: [...trainingTypes].sort(), keyGroupOnly },
        },
      ];
    },
  };
