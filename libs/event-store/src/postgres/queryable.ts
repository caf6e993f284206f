/** Anything that runs a query: a pg Pool or PoolClient, or a TypeORM EntityManager inside a transaction. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** pg answers `{ rows }`, TypeORM answers the rows themselves. */
export function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}
