// The name a prepared statement goes by on a connection. PostgreSQL keeps the first 63 bytes of a name
// (NAMEDATALEN - 1) and drops the rest without a word, while pg's client knows a connection's statements
// by the whole name: two long names alike in their first 63 bytes would be one statement to PostgreSQL
// and two to pg ("prepared statement … already exists"), and pg warns of every such name. A schema may
// be 63 bytes itself (tests make them long), so a name that fits is kept as it reads and a longer one
// becomes its first 42 bytes and a digest of the whole.
import { hash } from 'node:crypto';

/** PostgreSQL's identifier length (NAMEDATALEN - 1). */
export const MAX_NAME_BYTES = 63;
const DIGEST_CHARS = 20;

/** `parts` joined by dots, or, longer than 63 bytes, its start and a digest of the whole (ASCII names). */
export function statementName(...parts: readonly string[]): string {
  const name = parts.join('.');
  if (Buffer.byteLength(name) <= MAX_NAME_BYTES) return name;
  const digest = hash('sha1', name, 'hex').slice(0, DIGEST_CHARS);
  return `${name.slice(0, MAX_NAME_BYTES - DIGEST_CHARS - 1)}~${digest}`;
}
