// The occupation catalogue (职业/工种) from apps/registry/data/occupations.json: national codes where a
// source is cited, clearly marked local codes (L-nnnn) otherwise. Pure data, so domain code may use it.
import data from '../../data/occupations.json';

export type CertificateType =
  | 'vocational_qualification'
  | 'skill_level'
  | 'special_ability'
  | 'special_operation'
  | 'special_equipment'
  | 'training_qualified';

export interface Occupation {
  readonly code: string;
  readonly codeKind: 'national' | 'local';
  readonly name: string;
  readonly nameEn: string;
  /** 5 初级工, 4 中级工, 3 高级工, 2 技师, 1 高级技师 */
  readonly levels: readonly number[];
  readonly certificateTypes: readonly CertificateType[];
  readonly nationalStandard: boolean;
  readonly source?: string;
}

const OCCUPATIONS = data.occupations as readonly Occupation[];
const BY_CODE: ReadonlyMap<string, Occupation> = new Map(OCCUPATIONS.map((o) => [o.code, o]));

export const occupationCatalogue = {
  all: (): readonly Occupation[] => OCCUPATIONS,
  find: (code: string): Occupation | undefined => BY_CODE.get(code),
};

/** Chinese and English names of the five skill levels. */
export const LEVEL_NAMES: Readonly<Record<number, readonly [string, string]>> = {
  5: ['初级工', 'level 5 (junior)'],
  4: ['中级工', 'level 4 (intermediate)'],
  3: ['高级工', 'level 3 (senior)'],
  2: ['技师', 'level 2 (technician)'],
  1: ['高级技师', 'level 1 (senior technician)'],
};
