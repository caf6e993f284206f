// Which entities an event names, read from the event itself: the contracts name every reference to
// another record with a field ending in `Id` (one id) or `Ids` (a list of ids) — classId, workerIds,
// trainees[].workerId, lines[].paymentId, policyVersionIds (docs/contracts.md) — so the audit index
// needs no list per event type, and an event type added by any service is indexed the day it appears.
// The kind is the field name without its suffix (workerIds → worker); the same id named twice in one
// event (workerIds and addedWorkerIds) is one reference with both fields. Besides the data, the
// correlation id (kind `correlation`) and the actor's user id (kind `actor`) from the metadata.
// Pure: no framework, no I/O.

export interface EntityRef {
  readonly entityId: string;
  /** the kinds it is named as, sorted (worker, class, correlation, actor …) */
  readonly kinds: readonly string[];
  /** where: data paths (`trainees[].workerId`) or `metadata.correlationId`, sorted */
  readonly fields: readonly string[];
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Longest id the index keeps (a contract's id is a UUID or a short code; longer text is no id). */
export const MAX_ENTITY_ID_LENGTH = 128;

const SINGLE = /^(.+)Id$/;
const LIST = /^(.+)Ids$/;

export function entityRefsOf(data: unknown, metadata: unknown): EntityRef[] {
  const found = new Map<string, { kinds: Set<string>; fields: Set<string> }>();
  const add = (entityId: unknown, kind: string, field: string) => {
    if (typeof entityId !== 'string') return;
    const id = entityId.trim();
    if (id === '' || id.length > MAX_ENTITY_ID_LENGTH) return;
    const ref = found.get(id) ?? { kinds: new Set<string>(), fields: new Set<string>() };
    ref.kinds.add(kind);
    ref.fields.add(field);
    found.set(id, ref);
  };
  walk(data as Json, '', add);
  const meta = isObject(metadata as Json) ? (metadata as { readonly [key: string]: Json }) : {};
  add(meta.correlationId, 'correlation', 'metadata.correlationId');
  const actor = meta.actor;
  if (isObject(actor)) add(actor.userId, 'actor', 'metadata.actor.userId');
  return [...found.entries()]
    .map(([entityId, ref]) => ({ entityId, kinds: [...ref.kinds].sort(), fields: [...ref.fields].sort() }))
    .sort((a, b) => (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0));
}

function walk(
  value: Json,
  path: string,
  add: (entityId: unknown, kind: string, field: string) => void,
): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item as Json, `${path}[]`, add);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    const field = path === '' ? key : `${path}.${key}`;
    const list = LIST.exec(key);
    if (list && Array.isArray(child)) {
      for (const id of child) add(id, list[1], field);
      continue;
    }
    const single = SINGLE.exec(key);
    if (single && typeof child === 'string') {
      add(child, single[1], field);
      continue;
    }
    walk(child, field, add);
  }
}

function isObject(value: Json | undefined): value is { readonly [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
