// A roster file's columns and cell values (花名册), as an HR office fills them in: Chinese headers
// and labels (English field names and codes work too). Turns one row into a RegisterWorker payload,
// or says for each cell what it could not read. Pure: the handler reads the file, this reads the cells.

export type RosterField =
  | 'idNumber'
  | 'name'
  | 'gender'
  | 'birthDate'
  | 'hukouJurisdiction'
  | 'residenceJurisdiction'
  | 'phone'
  | 'education'
  | 'category'
  | 'keyGroups'
  | 'ableToWork'
  | 'willingToWork'
  | 'hardToMoveIntoWork';

/** A header is matched after removing spaces, brackets' content and a trailing '*' (必填 marks). */
export const ROSTER_COLUMNS: Readonly<Record<RosterField, readonly string[]>> = {
  idNumber: ['身份证号码', '身份证号', '公民身份号码', 'idNumber'],
  name: ['姓名', 'name'],
  gender: ['性别', 'gender'],
  birthDate: ['出生日期', 'birthDate'],
  hukouJurisdiction: ['户籍地区划代码', '户籍地', '户籍所在地代码', 'hukouJurisdiction'],
  residenceJurisdiction: ['常住地区划代码', '常住地', '常住地代码', 'residenceJurisdiction'],
  phone: ['手机号码', '联系电话', '手机号', '电话', 'phone'],
  education: ['文化程度', '学历', 'education'],
  category: ['人员类别', '类别', 'category'],
  keyGroups: ['重点群体', 'keyGroups'],
  ableToWork: ['是否有劳动能力', '有劳动能力', '劳动能力', 'ableToWork'],
  willingToWork: ['是否有就业意愿', '有就业意愿', '就业意愿', 'willingToWork'],
  // an officer's finding, rarely made: the column may be left out, a blank cell is no finding
  hardToMoveIntoWork: [
    '是否难以实现转移就业',
    '自身难以实现转移就业',
    '难以实现转移就业',
    '难以转移就业',
    'hardToMoveIntoWork',
  ],
};

/** Columns a roster may leave out. */
const OPTIONAL_COLUMNS: readonly RosterField[] = ['keyGroups', 'hardToMoveIntoWork'];

/** Every column but the optional ones must be there. */
export const REQUIRED_COLUMNS: readonly RosterField[] = (Object.keys(ROSTER_COLUMNS) as RosterField[]).filter(
  (field) => !OPTIONAL_COLUMNS.includes(field),
);

const LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  gender: { 男: 'male', 女: 'female', male: 'male', female: 'female' },
  education: {
    无: 'none',
    文盲: 'none',
    小学: 'primary',
    初中: 'junior_secondary',
    高中: 'senior_secondary',
    中专: 'secondary_vocational',
    中职: 'secondary_vocational',
    技校: 'secondary_vocational',
    大专: 'junior_college',
    专科: 'junior_college',
    本科: 'bachelor',
    研究生: 'postgraduate',
    硕士: 'postgraduate',
    博士: 'postgraduate',
  },
  category: {
    贫困劳动力: 'poor_labour',
    脱贫劳动力: 'poor_labour',
    高校毕业生: 'graduate',
    农村劳动力: 'rural_labour',
    城镇劳动力: 'urban_labour',
  },
  keyGroups: {
    城镇失业人员: 'urban_unemployed',
    退役军人: 'veteran',
    农民工: 'migrant_worker',
    两后生: 'post_school_youth',
    残疾人: 'disabled',
    就业困难人员: 'employment_difficulty',
    零就业家庭: 'zero_employment_family',
    低保家庭: 'minimum_living_family',
  },
};
const YES = ['是', '有', 'Y', 'y', 'yes', 'true', '1'];
const NO = ['否', '无', 'N', 'n', 'no', 'false', '0'];

export type Cell = string | number | boolean | Date | null | undefined;

export interface CellProblem {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
  readonly reasonEn: string;
}

const normalise = (header: string): string =>
  header.replace(/[\s*＊]/g, '').replace(/[（(][^）)]*[）)]/g, '');

/** Column index of each field found in the header row, and the required fields it lacks. */
export function mapHeader(header: readonly Cell[]): {
  columns: Map<RosterField, number>;
  missing: RosterField[];
} {
  const columns = new Map<RosterField, number>();
  header.forEach((cell, index) => {
    const text = normalise(String(cell ?? ''));
    for (const [field, aliases] of Object.entries(ROSTER_COLUMNS) as [RosterField, readonly string[]][]) {
      if (!columns.has(field) && aliases.some((alias) => normalise(alias) === text))
        columns.set(field, index);
    }
  });
  return { columns, missing: REQUIRED_COLUMNS.filter((field) => !columns.has(field)) };
}

/**
 * The RegisterWorker payload of a row (without its jurisdiction, which the import gives), and the
 * cells it could not read. The payload is then checked against the contract like any command.
 */
export function rowToPayload(
  cells: readonly Cell[],
  columns: ReadonlyMap<RosterField, number>,
): { payload: Record<string, unknown>; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const payload: Record<string, unknown> = {};
  const cell = (field: RosterField): Cell => {
    const index = columns.get(field);
    return index === undefined ? undefined : cells[index];
  };
  const text = (field: RosterField): string | undefined => {
    const value = cell(field);
    if (value === null || value === undefined) return undefined;
    const s = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
    return s === '' ? undefined : s;
  };
  const problem = (field: string, code: string, reason: string, reasonEn: string) =>
    problems.push({ field, code, reason, reasonEn });

  const idCell = cell('idNumber');
  if (typeof idCell === 'number') {
    problem(
      'idNumber',
      'ROSTER.ID_NUMBER_STORED_AS_NUMBER',
      '身份证号码以数字格式保存，Excel 已丢失末尾位数：请将该列设为文本格式后重新填写',
      'the ID number is stored as a number and Excel lost its last digits: format the column as text and enter it again',
    );
  } else if (text('idNumber') !== undefined) {
    payload.idNumber = text('idNumber')!.toUpperCase();
  }
  for (const field of ['name', 'hukouJurisdiction', 'residenceJurisdiction', 'phone'] as const) {
    const value = text(field);
    if (value !== undefined) payload[field] = value;
  }
  for (const field of ['gender', 'education', 'category'] as const) {
    const value = text(field);
    if (value === undefined) continue;
    const code = LABELS[field][value] ?? (Object.values(LABELS[field]).includes(value) ? value : undefined);
    if (code) payload[field] = code;
    else
      problem(
        field,
        'ROSTER.UNRECOGNISED_VALUE',
        `无法识别「${value}」，可填：${Object.keys(LABELS[field]).join('、')}`,
        `'${value}' is not recognised; use one of: ${Object.values(LABELS[field]).filter(unique).join(', ')}`,
      );
  }
  const birth = cell('birthDate');
  if (birth instanceof Date) payload.birthDate = birth.toISOString().slice(0, 10);
  else if (text('birthDate') !== undefined) payload.birthDate = isoDateOf(text('birthDate')!);
  const groups = text('keyGroups');
  if (groups !== undefined) {
    payload.keyGroups = groups
      .split(/[、,，;；/\s]+/)
      .filter((g) => g !== '')
      .map((label) => {
        const code =
          LABELS.keyGroups[label] ?? (Object.values(LABELS.keyGroups).includes(label) ? label : undefined);
        if (!code)
          problem(
            'keyGroups',
            'ROSTER.UNRECOGNISED_VALUE',
            `无法识别重点群体「${label}」，可填：${Object.keys(LABELS.keyGroups).join('、')}`,
            `key group '${label}' is not recognised`,
          );
        return code;
      })
      .filter((code): code is string => code !== undefined);
  }
  for (const field of ['ableToWork', 'willingToWork', 'hardToMoveIntoWork'] as const) {
    const value = cell(field);
    if (typeof value === 'boolean') payload[field] = value;
    else if (text(field) !== undefined) {
      const t = text(field)!;
      if (YES.includes(t)) payload[field] = true;
      else if (NO.includes(t)) payload[field] = false;
      else
        problem(
          field,
          'ROSTER.UNRECOGNISED_VALUE',
          `应填「是」或「否」，而不是「${t}」`,
          `expected 是 or 否, not '${t}'`,
        );
    }
  }
  return { payload, problems };
}

/** 1990/5/7, 1990.05.07, 19900507 → 1990-05-07; anything else as it is, for the contract to refuse. */
function isoDateOf(value: string): string {
  const m =
    /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : value;
}

const unique = (value: string, index: number, all: string[]) => all.indexOf(value) === index;
