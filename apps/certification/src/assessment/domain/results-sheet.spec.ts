import type { Sheet, SheetCell } from '@jineng/lists';
import type { KnownAssessment, TraineeResult } from './assessment';
import { judgeResultsSheet } from './results-sheet';

const [W1, W2, W3] = [
  '4f1c0e5a-6b7d-4e9f-8a3b-4c5d6e7f8091',
  '5a2d1f6b-7c8e-4f0a-9b4c-5d6e7f8091a2',
  '6b3e2a7c-8d9f-4a1b-8c5d-6e7f8091a2b3',
];
const OFF_ROSTER = '7c4f3b8d-9e0a-4b2c-9d6e-7f8091a2b3c4';

const given = (recorded: TraineeResult[] = []): KnownAssessment => ({
  status: recorded.length > 0 ? 'results_recorded' : 'scheduled',
  assessmentId: '0b7e6a1c-2d3f-4a5b-8c9d-0e1f2a3b4c5d',
  classId: '1c8f7b2d-3e4a-4b6c-9d0e-1f2a3b4c5d6e',
  institutionId: '2d9a8c3e-4f5b-4c7d-8e1f-2a3b4c5d6e7f',
  jurisdictionCode: '419001',
  occupationCode: '6-18-02-04',
  level: 4,
  certificateKind: 'skill_level',
  classEndDate: '2026-11-30',
  appliedOn: '2026-11-20',
  results: new Map(recorded.map((r) => [r.workerId, r])),
});

const sheet = (header: SheetCell[], ...rows: SheetCell[][]): Sheet => ({
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
const HEADER = ['Worker ID', 'Theory score', 'Practical score', 'Outcome'];
const judge = (s: Sheet, state = given(), reason?: string) =>
  judgeResultsSheet(s, state, [W1, W2, W3], reason, 'contentBase64');
const summary = (judged: ReturnType<typeof judge>) =>
  judged.rows.map((r) => [r.row, r.outcome, r.problems.map((p) => `${p.field}:${p.code}`)]);

describe('a results sheet, row by row by the rules of RecordResults', () => {
  it('records good rows; refuses off-roster, twice, scores with absent, none with passed, out of range', () => {
    const judged = judge(
      sheet(
        HEADER,
        [W1, 60, 70.5, 'passed'],
        [OFF_ROSTER, 60, 60, 'passed'],
        [W1, 10, 10, 'failed'],
        [W2, 50, 50, '缺考'],
        [W3, null, null, '合格'],
        [W3, '100', 0, 'failed'],
        ['x', -1, 'abc', 'win'],
      ),
    );
    expect(summary(judged)).toEqual([
      [2, 'recorded', []],
      [3, 'rejected', [':CERTIFICATION.TRAINEE_NOT_ON_ROSTER']],
      [4, 'rejected', [':CERTIFICATION.DUPLICATE_RESULT']],
      [5, 'rejected', [':CERTIFICATION.INVALID_RESULT']],
      [6, 'rejected', [':CERTIFICATION.INVALID_RESULT']],
      // W3's row 6 was refused after it was seen: its next row is a duplicate, as in RecordResults
      [7, 'rejected', [':CERTIFICATION.DUPLICATE_RESULT']],
      [
        8,
        'rejected',
        [
          'workerId:CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
          'theoryScore:CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
          'practicalScore:CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
          'outcome:CERTIFICATION.RESULTS_SHEET_CELL_INVALID',
        ],
      ],
    ]);
    expect(judged.accepted).toEqual([
      { workerId: W1, theoryScore: 60, practicalScore: 70.5, outcome: 'passed' },
    ]);
  });

  it('takes the boundaries 0 and 100, and refuses 100.5', () => {
    const judged = judge(sheet(HEADER, [W1, 0, 100, 'failed'], [W2, 100.5, 50, 'failed']));
    expect(summary(judged)).toEqual([
      [2, 'recorded', []],
      [3, 'rejected', ['theoryScore:CERTIFICATION.RESULTS_SHEET_CELL_INVALID']],
    ]);
  });

  it('a recorded result: the same is unchanged, another needs the correction reason', () => {
    const state = given([
      { workerId: W1, theoryScore: 60, practicalScore: 70, outcome: 'passed' },
      { workerId: W2, outcome: 'absent' },
    ]);
    const rows = sheet(HEADER, [W1, 60, 70, 'passed'], [W2, 50, 50, 'failed']);
    expect(summary(judge(rows, state))).toEqual([
      [2, 'unchanged', []],
      [3, 'rejected', [':CERTIFICATION.CORRECTION_REASON_REQUIRED']],
    ]);
    const corrected = judge(rows, state, '登记有误');
    expect(summary(corrected)).toEqual([
      [2, 'unchanged', []],
      [3, 'recorded', []],
    ]);
    expect(corrected.accepted).toEqual([
      { workerId: W2, theoryScore: 50, practicalScore: 50, outcome: 'failed' },
    ]);
  });

  it('names the missing columns of the header', () => {
    expect(() => judge(sheet(['工人编号', '理论成绩'], [W1, 60]))).toThrow(
      expect.objectContaining({
        code: 'CERTIFICATION.RESULTS_SHEET_COLUMNS_MISSING',
        details: { field: 'contentBase64', missing: ['practicalScore', 'outcome'] },
      }),
    );
  });
});
