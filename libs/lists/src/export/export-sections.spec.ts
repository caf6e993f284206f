import readXlsxFile from 'read-excel-file/node';
import { defineList } from '../list-definition';
import { exportSections } from './list-export';
import { xlsxWorkbookStream } from './xlsx-stream';

const list = (table: string, columns: Record<string, { zh: string; en: string }>) =>
  defineList({
    table,
    columns: Object.fromEntries(
      Object.entries(columns).map(([key, title], i) => [key, { sql: key, title, sortable: i === 0 }]),
    ),
    filters: {},
    defaultSort: Object.keys(columns)[0]!,
    tiebreak: Object.keys(columns)[0]!,
    maxPageSize: 10,
  });

const money = list('money', {
  period: { zh: '期间', en: 'Period' },
  paidFen: { zh: '支付（分）', en: 'Paid (fen)' },
});
const counts = list('counts', {
  county: { zh: '行政区划', en: 'Jurisdiction' },
  trainings: { zh: '培训人次', en: 'Trainings' },
});
const sections = [
  { name: '资金', definition: money, rows: [{ period: '2026-01', paidFen: 1_500_000 }] },
  {
    name: '培训',
    definition: counts,
    rows: [
      { county: '530302', trainings: 3 },
      { county: '530321', trainings: 1 },
    ],
  },
];

async function bytes(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const all: Buffer[] = [];
  for await (const chunk of chunks) all.push(Buffer.from(chunk));
  return Buffer.concat(all);
}

it('exports each section as a sheet of its own, with its titles in Chinese and English', async () => {
  const file = exportSections(sections, { format: 'xlsx', baseName: 'report' });
  expect(file.fileName).toBe('report.xlsx');
  const sheets = await readXlsxFile(await bytes(file.bytes));
  expect(sheets.map((s) => [s.sheet, s.data])).toEqual([
    [
      '资金',
      [
        ['期间', '支付（分）'],
        ['Period', 'Paid (fen)'],
        ['2026-01', 1_500_000],
      ],
    ],
    [
      '培训',
      [
        ['行政区划', '培训人次'],
        ['Jurisdiction', 'Trainings'],
        ['530302', 3],
        ['530321', 1],
      ],
    ],
  ]);
});

it('exports the sections as JSON, each with its columns and rows', async () => {
  const file = exportSections(sections, { format: 'json', baseName: 'report' });
  const json = JSON.parse((await bytes(file.bytes)).toString('utf8')) as {
    sections: { name: string; rows: unknown[] }[];
  };
  expect(json.sections.map((s) => [s.name, s.rows.length])).toEqual([
    ['资金', 1],
    ['培训', 2],
  ]);
  expect(json.sections[1]!.rows[0]).toEqual({ county: '530302', trainings: 3 });
});

it('refuses a workbook without sheets or with two sheets of one name', async () => {
  const sheet = { name: 'A', headerRows: [], rows: (async function* () {})() };
  await expect(xlsxWorkbookStream([]).next()).rejects.toThrow('a workbook needs a sheet');
  await expect(xlsxWorkbookStream([sheet, { ...sheet, name: 'a' }]).next()).rejects.toThrow(
    'sheet names must differ',
  );
});
