import type { DomainError } from '@jineng/ddd';
import { xlsxParts, xlsxZipBomb, zipArchive, type ZipPart } from '@jineng/testing';
import writeXlsxFile from 'write-excel-file/node';
import { RATIO_GRACE_BYTES, type SheetLimits } from './sheet-limits';
import { MAX_ZIP_ENTRIES } from './bounded-zip';
import { readSheetFile } from './sheet-file-reader';

/** The roster import's defaults (apps/registry README): the caps the registry reads with. */
const LIMITS: SheetLimits = {
  maxUncompressedBytes: 128 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxRows: 100_000,
};

const read = (file: Buffer, limits: Partial<SheetLimits> = {}) =>
  readSheetFile(file, 'xlsx', { ...LIMITS, ...limits }, 'uploadId');

/** The domain error a read is refused with. */
async function refusal(reading: Promise<unknown>): Promise<DomainError> {
  const error = await reading.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!error) throw new Error('the file was read, not refused');
  return error as DomainError;
}

/** The process's resident memory at its highest while `work` runs, above what it was before. */
async function rssGrowthDuring(work: () => Promise<unknown>): Promise<number> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(sampler);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

const MiB = 1024 * 1024;
// a second or so of inflating, parsing or zipping: room for a machine busy with other suites
const HEAVY_TIMEOUT_MS = 20_000;
const SHEET =
  '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

describe('reading an .xlsx sheet', () => {
  it('reads the first sheet as Excel shows it: strings, numbers, dates, booleans; empty rows left out', async () => {
    const file = await writeXlsxFile([
      [{ value: '身份证号码' }, { value: '出生日期' }, { value: '手机号码' }, { value: '是否有劳动能力' }],
      [
        { value: '14080219900517001X', type: String },
        { value: new Date(Date.UTC(1990, 4, 17)), type: Date, format: 'yyyy/m/d' },
        { value: 13812345678, type: Number },
        { value: true, type: Boolean },
      ],
      [null, null, null, null],
      [{ value: Number('140802199005170010'), type: Number }, null, { value: '', type: String }, null],
    ]).toBuffer();

    const { header, rows } = await read(file);

    expect(header).toEqual(['身份证号码', '出生日期', '手机号码', '是否有劳动能力']);
    expect(rows).toEqual([
      { row: 2, cells: ['14080219900517001X', new Date('1990-05-17T00:00:00Z'), 13812345678, true] },
      { row: 4, cells: [Number('140802199005170010')] },
    ]);
  });

  it('reads hand-written SpreadsheetML: shared rich text without phonetics, inline strings, sparse and prefixed cells, escapes, 1904 dates', async () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const parts: ZipPart[] = [
      ...xlsxParts().map((part) =>
        part.name === 'xl/workbook.xml'
          ? {
              ...part,
              content: String(part.content).replace('<sheets>', '<workbookPr date1904="1"/><sheets>'),
            }
          : part.name === 'xl/_rels/workbook.xml.rels'
            ? {
                ...part,
                content: String(part.content).replace(
                  '</Relationships>',
                  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
                    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/></Relationships>',
                ),
              }
            : part,
      ),
      {
        name: 'xl/sharedStrings.xml',
        content:
          `<sst xmlns="${ns}"><si><t>姓名</t></si>` +
          '<si><r><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ZHANG</t></rPh></si>' +
          '<si><t>line_x000D_break</t></si></sst>',
      },
      {
        name: 'xl/styles.xml',
        content:
          `<styleSheet xmlns="${ns}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
          '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
          '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>',
      },
      {
        name: 'xl/worksheets/sheet1.xml',
        content:
          `<x:worksheet xmlns:x="${ns}"><x:sheetData>` +
          '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>出生日期</x:t></x:is></x:c></x:row>' +
          '<x:row r="3"><x:c r="A3" t="s"><x:v>1</x:v></x:c><x:c r="B3" t="s"><x:v>2</x:v></x:c>' +
          '<x:c r="C3" s="1"><x:v>31913</x:v></x:c><x:c r="D3" s="2"><x:v>12.5</x:v></x:c>' +
          '<x:c r="E3" t="str"><x:f>A3</x:f><x:v>张三</x:v></x:c><x:c r="F3" t="e"><x:v>#N/A</x:v></x:c><x:c r="G3" t="b"><x:v>0</x:v></x:c></x:row>' +
          '</x:sheetData></x:worksheet>',
      },
    ];

    const { header, rows } = await read(zipArchive(parts));

    expect(header).toEqual(['姓名', null, '出生日期']);
    // 1904 system: serial 31913 is 1991-05-17 (33375 in the 1900 system)
    expect(rows).toEqual([
      {
        row: 3,
        cells: ['张三 ', 'line\rbreak', new Date('1991-05-17T00:00:00Z'), 12.5, '张三', '#N/A', false],
      },
    ]);
  });

  it('stops at the first data row past the row cap', async () => {
    const sheet = [['姓名'], ...Array.from({ length: 50 }, (_, i) => [`人${i}`])];
    const file = await writeXlsxFile(sheet.map((cells) => cells.map((value) => ({ value })))).toBuffer();
    const error = await refusal(read(file, { maxRows: 20 }));
    expect(error).toMatchObject({
      code: 'SHEET.TOO_LARGE',
      category: 'too_large',
      details: { field: 'uploadId', limit: 20, actual: 21, unit: 'rows' },
    });
    expect(error.messageZh).toBe('uploadId：数据行超过上限 20 行（读到第 21 个数据行时停止读取）');
  });

  describe('a zip bomb', () => {
    let bomb: ReturnType<typeof xlsxZipBomb>;
    beforeAll(() => {
      bomb = xlsxZipBomb();
    });

    it(
      '(1.1 GiB from about 1 MB) is refused by its compression ratio after a mebibyte or two, memory flat',
      async () => {
        expect(bomb.file.length).toBeLessThan(1.5 * MiB);
        expect(bomb.expandedBytes).toBeGreaterThan(1024 * MiB);
        let error: DomainError | undefined;
        const growth = await rssGrowthDuring(async () => (error = await refusal(read(bomb.file))));

        expect(error).toMatchObject({
          code: 'SHEET.COMPRESSION_RATIO_TOO_HIGH',
          category: 'too_large',
          details: { field: 'uploadId', part: 'xl/worksheets/sheet1.xml', limit: 100 },
        });
        expect(error!.details.ratio).toBeGreaterThan(100);
        expect(error!.details.inflated).toBeLessThan(RATIO_GRACE_BYTES + 2 * MiB);
        expect(error!.messageEn).toContain('more than the limit of 100');
        expect(growth).toBeLessThan(64 * MiB);
      },
      HEAVY_TIMEOUT_MS,
    );

    it(
      'with any ratio allowed, is stopped at the cap on uncompressed bytes, counting what inflates, memory flat',
      async () => {
        let error: DomainError | undefined;
        const growth = await rssGrowthDuring(
          async () =>
            (error = await refusal(
              read(bomb.file, { maxCompressionRatio: 1_000_000, maxUncompressedBytes: 8 * MiB }),
            )),
        );

        expect(error).toMatchObject({
          code: 'SHEET.EXPANDS_TOO_LARGE',
          category: 'too_large',
          details: { field: 'uploadId', part: 'xl/worksheets/sheet1.xml', limit: 8 * MiB },
        });
        const inflated = error!.details.inflated as number;
        expect(inflated).toBeGreaterThan(8 * MiB);
        // stopped at the chunk that passed the cap, not after the 1.1 GiB the archive declares
        expect(inflated).toBeLessThan(9 * MiB);
        expect(growth).toBeLessThan(64 * MiB);
      },
      HEAVY_TIMEOUT_MS,
    );
  });

  it(
    'counts inflated bytes across parts: shared strings and sheet share the cap',
    async () => {
      const strings = `<sst xmlns="x">${'<si><t>甲乙丙丁</t></si>'.repeat(200_000)}</sst>`;
      const parts = [
        ...xlsxParts(`${SHEET}<sheetData/></worksheet>`).map((part) =>
          part.name === 'xl/_rels/workbook.xml.rels'
            ? {
                ...part,
                content: String(part.content).replace(
                  '</Relationships>',
                  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
                ),
              }
            : part,
        ),
        { name: 'xl/sharedStrings.xml', content: strings },
      ];
      const error = await refusal(
        read(zipArchive(parts), { maxUncompressedBytes: 2 * MiB, maxCompressionRatio: 1_000_000 }),
      );
      expect(error).toMatchObject({
        code: 'SHEET.EXPANDS_TOO_LARGE',
        details: { part: 'xl/sharedStrings.xml', limit: 2 * MiB },
      });
    },
    HEAVY_TIMEOUT_MS,
  );

  it(
    'refuses an archive of too many parts before inflating any',
    async () => {
      const parts = Array.from({ length: MAX_ZIP_ENTRIES + 1 }, (_, i) => ({
        name: `p/${i}.xml`,
        content: '',
      }));
      const error = await refusal(read(zipArchive(parts)));
      expect(error).toMatchObject({
        code: 'SHEET.TOO_LARGE',
        details: { limit: MAX_ZIP_ENTRIES, actual: MAX_ZIP_ENTRIES + 1, unit: 'zip_entries' },
      });
    },
    HEAVY_TIMEOUT_MS,
  );

  it('does not trust the sizes the archive declares: a part holding more than it says is unreadable', async () => {
    const sheet = `${SHEET}<sheetData><row r="1"><c t="inlineStr"><is><t>姓名</t></is></c></row></sheetData></worksheet>`;
    const parts = xlsxParts().concat({ name: 'xl/worksheets/sheet1.xml', content: sheet, declaredSize: 10 });
    const error = await refusal(read(zipArchive(parts)));
    expect(error).toMatchObject({ code: 'SHEET.FILE_UNREADABLE' });
    expect(error.details.reason).toBe(
      `xl/worksheets/sheet1.xml declares 10 bytes but holds ${Buffer.byteLength(sheet)}`,
    );
  });

  it('refuses a DTD (no entity expansion), an archive that is not one, and a workbook without a sheet as unreadable', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>' +
      `<worksheet xmlns="x"><sheetData><row r="1"><c t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>`;
    for (const [file, reason] of [
      [zipArchive(xlsxParts(laughs)), /DOCTYPE/],
      [Buffer.from('身份证号码,姓名\n'), /central directory record signature not found/],
      [zipArchive(xlsxParts()), /no first worksheet/],
    ] as const) {
      const error = await refusal(read(file));
      expect(error).toMatchObject({ code: 'SHEET.FILE_UNREADABLE', category: 'validation' });
      expect(error.details.reason).toMatch(reason);
    }
  });
});
