// Running a list: one page (with the total), or every row in order for an export — read through a
// cursor in a read-only transaction, page by page, so memory stays flat however long the list is.
// A read-only transaction takes no transaction id: it holds back no relay or projection (ADR 0001).
import { rowsOf, type Queryable } from '@jineng/event-store';
import type { Pool } from 'pg';
import {
  listSql,
  type FixedCondition,
  type ListDefinition,
  type Page,
  type PageRequest,
} from './list-definition';

export type ListRow<C extends string> = Record<C, unknown>;

export async function queryPage<C extends string, F extends string>(
  on: Queryable,
  definition: ListDefinition<C, F>,
  schema: string,
  request: PageRequest & Partial<Record<F, unknown>>,
  fixed: readonly FixedCondition[] = [],
): Promise<Page<ListRow<C>>> {
  const sql = listSql(definition, schema, request, fixed);
  const params = [...sql.params, sql.pageSize, (sql.page - 1) * sql.pageSize];
  const [rows, counted] = await Promise.all([
    on.query(`${sql.select} limit $${params.length - 1} offset $${params.length}`, params),
    on.query(sql.count, sql.params),
  ]);
  return {
    items: rowsOf<ListRow<C>>(rows),
    total: rowsOf<{ total: number }>(counted)[0].total,
    page: sql.page,
    pageSize: sql.pageSize,
  };
}

export async function countRows<C extends string, F extends string>(
  on: Queryable,
  definition: ListDefinition<C, F>,
  schema: string,
  request: Partial<Record<F, unknown>>,
  fixed: readonly FixedCondition[] = [],
): Promise<number> {
  const sql = listSql(definition, schema, request, fixed);
  return rowsOf<{ total: number }>(await on.query(sql.count, sql.params))[0].total;
}

/** Every row of the filtered, sorted list (paging ignored), in chunks of `chunkSize`. */
export async function* iterateRows<C extends string, F extends string>(
  pool: Pool,
  definition: ListDefinition<C, F>,
  schema: string,
  request: PageRequest & Partial<Record<F, unknown>>,
  fixed: readonly FixedCondition[] = [],
  chunkSize = 1000,
): AsyncGenerator<ListRow<C>[]> {
  const sql = listSql(definition, schema, { ...request, page: 1 }, fixed);
  const client = await pool.connect();
  let ok = false;
  try {
    await client.query('begin read only');
    await client.query(`declare list_rows no scroll cursor for ${sql.select}`, sql.params);
    for (;;) {
      const { rows } = await client.query<ListRow<C>>(`fetch ${chunkSize} from list_rows`);
      if (rows.length === 0) break;
      yield rows;
    }
    await client.query('commit');
    ok = true;
  } finally {
    if (!ok) await client.query('rollback').catch(() => undefined);
    client.release(!ok);
  }
}
