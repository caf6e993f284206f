// A list a user sees, as data: its table, its columns (with titles in Chinese and English, which
// columns may be sorted on), its filters (how each compares). The SQL is built only from these
// names — sort keys and filter names from the request are looked up here, never pasted — and every
// value travels as a parameter, so nothing in a request reaches the SQL text.
import { quoteSchema } from '@jineng/event-store';
import { PageSizeTooLargeError, UnknownSortError } from './list.errors';

export interface Title {
  readonly zh: string;
  readonly en: string;
}

export interface ListColumn {
  /** the column (or a SQL expression over the table's columns) — written by the developer, never by a request */
  readonly sql: string;
  readonly title: Title;
  readonly sortable?: boolean;
  /** in exports (default true) */
  readonly exported?: boolean;
}

/**
 * How a filter compares: `eq` (=), `prefix` (text starting with; `%`/`_` taken literally), `contains`
 * (text containing, case-insensitive), `gte` / `lte` (bounds, inclusive), `in` (one of an array),
 * `has` (a jsonb array holding the value).
 */
export type FilterOperator = 'eq' | 'prefix' | 'contains' | 'gte' | 'lte' | 'in' | 'has';

export interface ListFilter {
  readonly sql: string;
  readonly op: FilterOperator;
}

export interface ListDefinition<C extends string = string, F extends string = string> {
  /** the table (or view) in the service's schema */
  readonly table: string;
  readonly columns: Readonly<Record<C, ListColumn>>;
  readonly filters: Readonly<Record<F, ListFilter>>;
  /** e.g. `-registeredOn`; a column key, `-` for descending */
  readonly defaultSort: string;
  /** a unique column key, appended to every order so that pages never overlap */
  readonly tiebreak: NoInfer<C>;
  /** default 50 */
  readonly defaultPageSize?: number;
  /** default 500 */
  readonly maxPageSize?: number;
}

/** What a caller asks: page from 1, page size, sort (`-registeredOn,nameMasked`), filter values. */
export interface PageRequest {
  readonly page?: number;
  readonly pageSize?: number;
  readonly sort?: string;
}

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
}

/** A condition the handler adds itself (scope: the caller's jurisdiction), with its values. */
export interface FixedCondition {
  readonly filter: ListFilter;
  readonly value: unknown;
}

export interface ListSql {
  readonly select: string;
  readonly count: string;
  readonly params: unknown[];
  readonly page: number;
  readonly pageSize: number;
}

export function defineList<C extends string, F extends string>(
  definition: ListDefinition<C, F>,
): ListDefinition<C, F> {
  const keys = Object.keys(definition.columns);
  if (!keys.includes(definition.tiebreak))
    throw new TypeError(`tiebreak '${definition.tiebreak}' is not a column`);
  sortClause(definition, definition.defaultSort); // throws on a bad default
  return definition;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The SQL of one page, and of the count, for a request and the handler's fixed conditions. */
export function listSql<C extends string, F extends string>(
  definition: ListDefinition<C, F>,
  schema: string,
  request: PageRequest & Partial<Record<F, unknown>>,
  fixed: readonly FixedCondition[] = [],
): ListSql {
  const max = definition.maxPageSize ?? 500;
  const pageSize = request.pageSize ?? definition.defaultPageSize ?? 50;
  if (pageSize > max) throw new PageSizeTooLargeError({ pageSize, max });
  const page = Math.max(1, request.page ?? 1);
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (filter: ListFilter, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    params.push(
      filter.op === 'prefix'
        ? `${escapeLike(String(value))}%`
        : filter.op === 'contains'
          ? `%${escapeLike(String(value))}%`
          : filter.op === 'has'
            ? JSON.stringify([value])
            : value,
    );
    const $ = `$${params.length}`;
    const sql = {
      eq: `${filter.sql} = ${$}`,
      prefix: `${filter.sql} like ${$}`,
      contains: `${filter.sql} ilike ${$}`,
      gte: `${filter.sql} >= ${$}`,
      lte: `${filter.sql} <= ${$}`,
      in: `${filter.sql} = any(${$})`,
      has: `${filter.sql} @> ${$}::jsonb`,
    }[filter.op];
    where.push(sql);
  };
  for (const condition of fixed) add(condition.filter, condition.value);
  for (const [name, filter] of Object.entries(definition.filters) as [F, ListFilter][])
    add(filter, request[name]);
  const from = `from ${quoteSchema(schema)}.${quoteIdentifier(definition.table)}${where.length > 0 ? ` where ${where.join(' and ')}` : ''}`;
  const columns = (Object.entries(definition.columns) as [C, ListColumn][])
    .map(([key, column]) => `${column.sql} as "${key}"`)
    .join(', ');
  const order = sortClause(definition, request.sort || definition.defaultSort);
  return {
    select: `select ${columns} ${from} order by ${order}`,
    count: `select count(*)::int as total ${from}`,
    params,
    page,
    pageSize,
  };
}

function sortClause<C extends string, F extends string>(
  definition: ListDefinition<C, F>,
  sort: string,
): string {
  const sortable = (Object.entries(definition.columns) as [C, ListColumn][])
    .filter(([, column]) => column.sortable)
    .map(([key]) => key);
  const parts: string[] = [];
  for (const token of sort
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)) {
    const key = token.replace(/^-/, '') as C;
    if (!sortable.includes(key)) throw new UnknownSortError({ sort: token, allowed: sortable });
    parts.push(`${definition.columns[key].sql} ${token.startsWith('-') ? 'desc' : 'asc'}`);
  }
  parts.push(`${definition.columns[definition.tiebreak].sql} asc`);
  return parts.join(', ');
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new TypeError(`invalid table name '${name}'`);
  return `"${name}"`;
}
