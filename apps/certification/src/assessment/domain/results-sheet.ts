// A results sheet judged row by row (issue 12: "Results can be uploaded as an .xlsx sheet with a
// per-row report, like the roster import"). The header row names the columns (Chinese or English);
// each data row is read into a trainee's result and judged by the very rules of RecordResults
// (`checkedResult`: on the roster, once each, scores with passed / failed and none with absent), plus
// the correction rule: a recorded result changes only with a reason. The rows that pass are what one
// RecordResults records; a row whose result is already recorded as it is is `unchanged`.
import { isDomainError, type DomainError } from '@jineng/ddd';
import type { Sheet, SheetCell, SheetLimits } from '@jineng/lists';
import { checkedResult, sameResult } from './assessment.decide';
import type { KnownAssessment, PassRule, TraineeResult } from './assessment';
import {
  CorrectionReasonRequired,
  ResultsSheetCellInvalid,
  ResultsSheetColumnsMissing,
} from './assessment.errors';

/** A class's roster is at most what one RecordResults takes (500 results); the file is small. */
export const RESULTS_SHEET_LIMITS: SheetLimits = {
  maxUncompressedBytes: 16 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxRows: 500,
};

type Column = 'workerId' | 'theoryScore' | 'practicalScore' | 'outcome';

/** Header texts a column is known by, compared without case, spaces, underscores or brackets. */
const HEADERS: Readonly<Record<Column, readonly string[]>> = {
  workerId: ['workerid', '工人编号', '学员编号', '人员编号'],
  theoryScore: ['theoryscore', 'theory', '理论成绩', '理论'],
  practicalScore: ['practicalscore', 'practical', '实操成绩', '实操', '技能成绩'],
  outcome: ['outcome', 'result', '考核结果', '结果'],
};

const OUTCOMES: Readonly<Record<string, TraineeResult['outcome']>> = {
  passed: 'passed',
  failed: 'failed',
  absent: 'absent',
  合格: 'passed',
  不合格: 'failed',
  缺考: 'absent',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SheetRowProblem {
  readonly field: string;
  readonly code: string;
  readonly reason: string;
  readonly reasonEn: string;
}

export interface SheetRowReport {
  readonly row: number;
  readonly outcome: 'recorded' | 'unchanged' | 'rejected';
  readonly workerId?: string;
  readonly problems: readonly SheetRowProblem[];
}

export interface JudgedResultsSheet {
  /** the results to record (one RecordResults), in the sheet's order */
  readonly accepted: readonly TraineeResult[];
  readonly rows: readonly SheetRowReport[];
}

const normalise = (cell: SheetCell): string =>
  String(cell ?? '')
    .toLowerCase()
    .replace(/[\s_()（）[\]【】-]/g, '');

export function resultColumns(header: readonly SheetCell[], field: string): Record<Column, number> {
  const texts = header.map(normalise);
  const found = {} as Record<Column, number>;
  const missing: string[] = [];
  for (const column of Object.keys(HEADERS) as Column[]) {
    const index = texts.findIndex((text) => HEADERS[column].includes(text));
    if (index < 0) missing.push(column);
    else found[column] = index;
  }
  if (missing.length > 0) throw new ResultsSheetColumnsMissing({ field, missing });
  return found;
}

export function judgeResultsSheet(
  sheet: Sheet,
  state: KnownAssessment,
  rosterWorkerIds: readonly string[],
  correctionReason: string | undefined,
  field: string,
  passRule?: PassRule,
): JudgedResultsSheet {
  const columns = resultColumns(sheet.header, field);
  const reason = correctionReason?.trim() || undefined;
  const seen = new Set<string>();
  const accepted: TraineeResult[] = [];
  const rows: SheetRowReport[] = [];
  sheet.rows.forEach(({ row, cells }, index) => {
    const problems: SheetRowProblem[] = [];
    const invalid = (column: Column, value: SheetCell) =>
      problems.push(problemOf(column, new ResultsSheetCellInvalid({ column, value: String(value ?? '') })));
    const rawId = String(cells[columns.workerId] ?? '').trim();
    if (!UUID.test(rawId)) invalid('workerId', rawId);
    const workerId = UUID.test(rawId) ? rawId.toLowerCase() : undefined;
    const theoryScore = score(cells[columns.theoryScore]);
    if (theoryScore === null) invalid('theoryScore', cells[columns.theoryScore]);
    const practicalScore = score(cells[columns.practicalScore]);
    if (practicalScore === null) invalid('practicalScore', cells[columns.practicalScore]);
    const outcome = OUTCOMES[normalise(cells[columns.outcome])];
    if (!outcome) invalid('outcome', cells[columns.outcome]);
    const report = (outcomeOfRow: SheetRowReport['outcome']): void => {
      rows.push({ row, outcome: outcomeOfRow, ...(workerId ? { workerId } : {}), problems });
    };
    if (problems.length > 0 || !workerId || !outcome || theoryScore === null || practicalScore === null)
      return report('rejected');
    let result: TraineeResult;
    try {
      result = checkedResult(
        {
          workerId,
          ...(theoryScore !== undefined ? { theoryScore } : {}),
          ...(practicalScore !== undefined ? { practicalScore } : {}),
          outcome,
        },
        index,
        rosterWorkerIds,
        seen,
        passRule,
      );
    } catch (error) {
      if (!isDomainError(error)) throw error;
      problems.push(problemOf('', error));
      return report('rejected');
    }
    const recorded = state.results.get(workerId);
    if (sameResult(recorded, result)) return report('unchanged');
    if (recorded && reason === undefined) {
      problems.push(problemOf('', new CorrectionReasonRequired({ workerIds: [workerId] })));
      return report('rejected');
    }
    accepted.push(result);
    report('recorded');
  });
  return { accepted, rows };
}

/** A score cell: empty → undefined, a number 0–100 (also as text, with a decimal comma) → it, else null. */
function score(cell: SheetCell): number | undefined | null {
  if (cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === ''))
    return undefined;
  const value =
    typeof cell === 'number' ? cell : typeof cell === 'string' ? Number(cell.trim().replace(',', '.')) : NaN;
  return Number.isFinite(value) && value >= 0 && value <= 100 ? value : null;
}

function problemOf(field: string, error: DomainError): SheetRowProblem {
  return { field, code: error.code, reason: error.messageZh, reasonEn: error.messageEn };
}
