import { randomUUID } from 'node:crypto';

/** A new random (version 4) UUID, lower case. */
export const newId = (): string => randomUUID();

// Any UUID in canonical text form, whatever its version: ids may come from other generators (v7, the
// database), and PostgreSQL's uuid type accepts them all.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (s: unknown): s is string => typeof s === 'string' && UUID.test(s);
