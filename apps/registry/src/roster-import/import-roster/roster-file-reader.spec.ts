// The roster import reads its files with the lists lib's bounded sheet reader, whose own specs
// (libs/lists/src/sheets) test the reading: cells, encodings, zip bombs, memory. What is the registry's
// here: both formats read with the roster limits, and every refusal reported as the roster import's own
// code with the sheet reader's details and messages.
import type { DomainError } from '@jineng/ddd';
import { xlsxParts, xlsxZipBomb, zipArchive } from '@jineng/testing';
import writeXlsxFile from 'write-excel-file/node';
import { DEFAULT_ROSTER_LIMITS, type RosterLimits } from '../roster-limits';
import { asRosterError, formatOf, readRosterFile } from './roster-file-reader';

const MiB = 1024 * 1024;
// a second or so of inflating: room for a machine busy with other suites
const HEAVY_TIMEOUT_MS = 20_000;

const read = (file: Buffer, format: 'xlsx' | 'csv', limits: Partial<RosterLimits> = {}) =>
  readRosterFile(file, format, { ...DEFAULT_ROSTER_LIMITS, ...limits }, 'uploadId');

/** The domain error a read is refused with. */
async function refusal(reading: Promise<unknown>): Promise<DomainError> {
  const error = await reading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!error) throw new Error('the file was read, not refused');
  return error as DomainError;
}

it('reads an .xlsx and a .csv roster (by its file name) into the header and the data rows', async () => {
  const xlsx = await writeXlsxFile([
    [{ value: '身份证号码' }, { value: '姓名' }],
    [{ value: '14080219900517001X', type: String }, { value: '张三' }],
  ]).toBuffer();
  const csv = Buffer.from('身份证号码,姓名\n14080219900517001X,张三\n');
  const expected = {
    header: ['身份证号码', '姓名'],
    rows: [{ row: 2, cells: ['14080219900517001X', '张三'] }],
  };
  expect(await read(xlsx, formatOf('名单.xlsx'))).toEqual(expected);
  expect(await read(csv, formatOf('名单.CSV'))).toEqual(expected);
});

it('a roster past the row cap is ROSTER.TOO_LARGE, with the figures and the messages', async () => {
  const csv = Buffer.from(`姓名\n${Array.from({ length: 30 }, (_, i) => `人${i}`).join('\n')}`);
  const error = await refusal(read(csv, 'csv', { maxRows: 20 }));
  expect(error).toMatchObject({
    code: 'ROSTER.TOO_LARGE',
    category: 'too_large',
    details: { field: 'uploadId', limit: 20, actual: 21, unit: 'rows' },
  });
  expect(error.messageZh).toBe('uploadId：数据行超过上限 20 行（读到第 21 个数据行时停止读取）');
  expect(error.messageEn).toBe(
    'uploadId: more than the limit of 20 data rows (stopped reading at data row 21)',
  );
});

it(
  'a zip bomb is ROSTER.COMPRESSION_RATIO_TOO_HIGH, or ROSTER.EXPANDS_TOO_LARGE when any ratio is allowed',
  async () => {
    const bomb = xlsxZipBomb();
    expect(await refusal(read(bomb.file, 'xlsx'))).toMatchObject({
      code: 'ROSTER.COMPRESSION_RATIO_TOO_HIGH',
      category: 'too_large',
      details: { field: 'uploadId', part: 'xl/worksheets/sheet1.xml', limit: 100 },
    });
    const expands = await refusal(
      read(bomb.file, 'xlsx', { maxCompressionRatio: 1_000_000, maxUncompressedBytes: 2 * MiB }),
    );
    expect(expands).toMatchObject({
      code: 'ROSTER.EXPANDS_TOO_LARGE',
      category: 'too_large',
      details: { field: 'uploadId', part: 'xl/worksheets/sheet1.xml', limit: 2 * MiB },
    });
    expect(expands.details.inflated).toBeGreaterThan(2 * MiB);
  },
  HEAVY_TIMEOUT_MS,
);

it('a file that is not what it says is ROSTER.FILE_UNREADABLE, with the reason', async () => {
  for (const [file, reason] of [
    [Buffer.from('身份证号码,姓名\n'), /central directory record signature not found/],
    [zipArchive(xlsxParts()), /no first worksheet/],
  ] as const) {
    const error = await refusal(read(file, 'xlsx'));
    expect(error).toMatchObject({ code: 'ROSTER.FILE_UNREADABLE', category: 'validation' });
    expect(error.details.reason).toMatch(reason);
  }
});

it('passes any other error on as it is', () => {
  const other = new Error('disk full');
  expect(asRosterError(other)).toBe(other);
});
