// The metadata every stored event carries (ARCHITECTURE §2): who, where, when, and why.
import type { Command } from './decider';
import { toJsonObject, type ReadonlyJsonObject } from './json';

export interface EventMetadata {
  readonly commandId: string;
  readonly correlationId: string;
  /** the command's causation, else the command itself */
  readonly causationId: string;
  readonly actor: {
    readonly userId: string;
    readonly roles: readonly string[];
    readonly institutionId?: string;
  };
  readonly jurisdiction: string;
  /** the command's `now` */
  readonly occurredAt: string;
  readonly [extra: string]: ReadonlyJsonObject[string];
}

const RESERVED = ['commandId', 'correlationId', 'causationId', 'actor', 'jurisdiction', 'occurredAt'];

/** Extra keys may not replace the standard ones: `commandId` in particular carries idempotency. */
export function eventMetadataOf(command: Command, extra: ReadonlyJsonObject = {}): EventMetadata {
  const clash = RESERVED.find((key) => key in extra);
  if (clash)
    throw new TypeError(`event metadata '${clash}' is set from the command and cannot be overridden`);
  const { metadata } = command;
  return toJsonObject(
    {
      ...extra,
      commandId: metadata.commandId,
      correlationId: metadata.correlationId,
      causationId: metadata.causationId ?? metadata.commandId,
      actor: {
        userId: metadata.actor.userId,
        roles: [...metadata.actor.roles],
        institutionId: metadata.actor.institutionId,
      },
      jurisdiction: metadata.jurisdiction,
      occurredAt: metadata.now,
    },
    'metadata',
  ) as unknown as EventMetadata;
}
