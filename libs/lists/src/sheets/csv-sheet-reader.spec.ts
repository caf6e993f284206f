import type { DomainError } from '@jineng/ddd';
import type { SheetLimits } from './sheet-limits';
import { CsvParser, readCsvSheet } from './csv-sheet-reader';

/** The roster import's defaults (apps/registry README): the caps the registry reads with. */
const LIMITS: SheetLimits = {
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxRows: 100_000,
};

const parse = (chunks: readonly string[]) => {
  const rows: [number, string[]][] = [];
  const parser = new CsvParser((row, cells) => rows.push([row, cells]));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return rows;
};

describe('reading a .csv sheet', () => {
  it('parses RFC 4180 however the text is sliced: quotes, commas and line breaks in fields, CRLF, LF, CR', () => {
    const text = '姓名,备注\r\n"张三","说""是"",好"\r\n李四,"两\r\n行"\n王五,\r赵六';
    const expected: [number, string[]][] = [
      [1, ['姓名', '备注']],
      [2, ['张三', '说"是",好']],
      [3, ['李四', '两\r\n行']],
      [4, ['王五', '']],
      [5, ['赵六']],
    ];
    expect(parse([text])).toEqual(expected);
    // one character at a time: a CR and its LF, or a quote and the next, in two slices
    expect(parse([...text])).toEqual(expected);
  });

  it('reads UTF-8 (with or without BOM) and GB18030 as Excel saves it; leaves empty rows out', () => {
    const csv = '姓名,性别\n\n张三,男\n,\n';
    for (const content of [
      Buffer.from(csv),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
      // GB18030 of the same text: 姓名 = d0 d5 c3 fb, 性别 = d0 d4 b1 f0, 张三 = d5 c5 c8 fd, 男 = c4 d0
      Buffer.from('d0d5c3fb2cd0d4b1f00a0ad5c5c8fd2cc4d00a2c0a', 'hex'),
    ]) {
      expect(readCsvSheet(content, LIMITS, 'contentBase64')).toEqual({
        header: ['姓名', '性别'],
        rows: [{ row: 3, cells: ['张三', '男'] }],
      });
    }
  });

  it('stops at the first data row past the row cap', () => {
    const csv = `姓名\n${Array.from({ length: 1000 }, (_, i) => `人${i}`).join('\n')}`;
    let error: DomainError | undefined;
    try {
      readCsvSheet(Buffer.from(csv), { ...LIMITS, maxRows: 10 }, 'contentBase64');
    } catch (thrown) {
      error = thrown as DomainError;
    }
    expect(error).toMatchObject({
      code: 'SHEET.TOO_LARGE',
      category: 'too_large',
      details: { field: 'contentBase64', limit: 10, actual: 11, unit: 'rows' },
    });
    expect(error!.messageEn).toBe(
      'contentBase64: more than the limit of 10 data rows (stopped reading at data row 11)',
    );
  });
});
