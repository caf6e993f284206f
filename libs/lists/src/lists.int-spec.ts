// Lists on the real PostgreSQL: filters and sorts only through the definition's names, values as
// parameters, pages with totals, and the same rows exported to .xlsx (opened again here) and JSON.
import readXlsxFile from 'read-excel-file/node';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { exportList } from './export/list-export';
import { defineList } from './list-definition';
import { PageSizeTooLargeError, UnknownSortError } from './list.errors';
import { countRows, iterateRows, queryPage } from './list-query';

let db: TestDatabase;

const people = defineList({
  table: 'people',
  columns: {
    personId: { sql: 'person_id', title: { zh: '编号', en: 'ID' }, sortable: true },
    name: { sql: 'name', title: { zh: '姓名', en: 'Name' }, sortable: true },
    region: { sql: 'region', title: { zh: '区划', en: 'Region' } },
    joinedOn: {
      sql: `to_char(joined_on, 'YYYY-MM-DD')`,
      title: { zh: '登记日期', en: 'Joined on' },
      sortable: true,
    },
    score: { sql: 'score', title: { zh: '分数', en: 'Score' }, sortable: true },
    tags: { sql: 'tags', title: { zh: '标签', en: 'Tags' } },
    secret: { sql: 'secret', title: { zh: '内部', en: 'Internal' }, exported: false },
  },
  filters: {
    region: { sql: 'region', op: 'prefix' },
    name: { sql: 'name', op: 'contains' },
    joinedFrom: { sql: 'joined_on', op: 'gte' },
    joinedTo: { sql: 'joined_on', op: 'lte' },
    tag: { sql: 'tags', op: 'has' },
    scoreAtLeast: { sql: 'score', op: 'gte' },
  },
  defaultSort: '-joinedOn',
  tiebreak: 'personId',
  maxPageSize: 100,
});

beforeAll(async () => {
  db = await connectTestDatabase('lists');
  await db.pool.query(`
    create table "${db.schema}".people (person_id int primary key, name text, region text, joined_on date,
      score int, tags jsonb, secret text);
    insert into "${db.schema}".people
    select i, case when i = 7 then '=HYPERLINK("x")' when i = 8 then '王%_小红 <b>&' else '张' || i end,
           case when i % 3 = 0 then '1408' || lpad(i::text, 2, '0') else '1401%' || i end,
           date '2025-01-01' + i, i * 10, case when i % 2 = 0 then '["even"]' else '["odd"]' end::jsonb, 'x'
      from generate_series(1, 2500) i`);
});
afterAll(async () => {
  await db.dispose();
});

it('pages with the total, the default sort and a tiebreak, and caps the page size', async () => {
  const page = await queryPage(db.pool, people, db.schema, { page: 2, pageSize: 3 });
  expect(page).toMatchObject({ total: 2500, page: 2, pageSize: 3 });
  expect(page.items.map((r) => r.personId)).toEqual([2497, 2496, 2495]);
  expect(page.items[0]).toEqual({
    personId: 2497,
    name: '张2497',
    region: '1401%2497',
    joinedOn: new Date(Date.UTC(2025, 0, 1 + 2497)).toISOString().slice(0, 10),
    score: 24970,
    tags: ['odd'],
    secret: 'x',
  });
  await expect(queryPage(db.pool, people, db.schema, { pageSize: 101 })).rejects.toBeInstanceOf(
    PageSizeTooLargeError,
  );
});

it('filters by the definition only, with values as parameters (a % in a value is a literal)', async () => {
  const byRegion = await queryPage(db.pool, people, db.schema, {
    region: '1408',
    pageSize: 100,
    sort: 'score',
  });
  expect(byRegion.total).toBe(833);
  expect(byRegion.items.slice(0, 2).map((r) => r.personId)).toEqual([3, 6]);
  // '1401%' must match the text '1401%…', not every region starting with 1401
  expect(await countRows(db.pool, people, db.schema, { region: '1401%' })).toBe(2500 - 833);
  expect(await countRows(db.pool, people, db.schema, { region: '1401%1' })).toBe(
    [...Array(2500).keys()].map((i) => i + 1).filter((i) => i % 3 !== 0 && String(i).startsWith('1')).length,
  );
  expect(await countRows(db.pool, people, db.schema, { name: '%_小' })).toBe(1);
  expect(
    await countRows(db.pool, people, db.schema, {
      joinedFrom: '2025-01-10',
      joinedTo: '2025-01-20',
      tag: 'even',
    }),
  ).toBe(5); // days 9..19 after 2025-01-01: 10, 12, 14, 16, 18
  // an injection attempt in a value is a value: nothing matches, nothing breaks
  expect(await countRows(db.pool, people, db.schema, { name: "' or 1=1 --" })).toBe(0);
  expect(await countRows(db.pool, people, db.schema, { scoreAtLeast: 24990 })).toBe(2);
});

it('sorts only by sortable columns and says which exist', async () => {
  const asc = await queryPage(db.pool, people, db.schema, { sort: 'name,-score', pageSize: 2 });
  expect(asc.items.map((r) => r.name)).toEqual(['=HYPERLINK("x")', '张1']);
  for (const sort of ['region', 'secret', 'name; drop table people', 'person_id']) {
    const error = await queryPage(db.pool, people, db.schema, { sort }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnknownSortError);
    expect((error as UnknownSortError).details).toEqual({
      sort,
      allowed: ['personId', 'name', 'joinedOn', 'score'],
    });
  }
  const { rows } = await db.pool.query(`select count(*)::int as n from "${db.schema}".people`);
  expect(rows[0].n).toBe(2500);
});

async function collect(bytes: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

it('exports the same filtered, sorted rows to .xlsx through a cursor: titles in Chinese and English, text never a formula', async () => {
  const request = { region: '1401', sort: 'score' } as const;
  let chunks = 0;
  const rows = (async function* () {
    for await (const chunk of iterateRows(db.pool, people, db.schema, request, [], 500)) {
      chunks++;
      yield chunk;
    }
  })();
  const file = exportList(people, rows, { format: 'xlsx', baseName: '人员', sheetName: '人员' });
  expect(file).toMatchObject({
    fileName: '人员.xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  const sheets = await readXlsxFile(await collect(file.bytes));
  expect(sheets[0].sheet).toBe('人员');
  const data = sheets[0].data;
  expect(data[0]).toEqual(['编号', '姓名', '区划', '登记日期', '分数', '标签']);
  expect(data[1]).toEqual(['ID', 'Name', 'Region', 'Joined on', 'Score', 'Tags']);
  expect(data).toHaveLength(2 + 2500 - 833);
  expect(chunks).toBe(4); // 1667 rows in chunks of 500
  expect(data[2]).toEqual([1, '张1', '1401%1', '2025-01-02', 10, 'odd']);
  expect(data.find((row) => row[0] === 7)).toEqual([7, '=HYPERLINK("x")', '1401%7', '2025-01-08', 70, 'odd']);
  expect(data.find((row) => row[0] === 8)).toEqual([8, '王%_小红 <b>&', '1401%8', '2025-01-09', 80, 'even']);
  expect(data.map((row) => row[4]).slice(2)).toEqual(
    [...Array(2500).keys()]
      .map((i) => i + 1)
      .filter((i) => i % 3 !== 0)
      .map((i) => i * 10),
  );
});

it('exports JSON with the column titles', async () => {
  const file = exportList(people, iterateRows(db.pool, people, db.schema, { scoreAtLeast: 24980 }), {
    format: 'json',
    baseName: 'people',
  });
  expect(file.contentType).toBe('application/json; charset=utf-8');
  const parsed = JSON.parse((await collect(file.bytes)).toString('utf8'));
  expect(parsed.columns[1]).toEqual({ key: 'name', zh: '姓名', en: 'Name' });
  expect(parsed.rows.map((r: { personId: number }) => r.personId)).toEqual([2500, 2499, 2498]);
  expect(parsed.rows[0]).not.toHaveProperty('secret');
});
