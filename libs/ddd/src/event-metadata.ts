// The metadata every stored event carries (ARCHITECTURE §2): who, where, when, and why — and what
// its command id did (the command's type and the digest of its request), so that a later use of the
// same id is checked against the first one from the event it already finds (handle-command.ts).
import { jsonDigest } from './canonical-json';
import type { Command } from './decider';
import { toJsonObject, type ReadonlyJsonObject } from './json';

export interface EventMetadata {
  readonly commandId: string;
  /** the command's type (`RegisterWorker`) */
  readonly commandType: string;
  /** sha256 of the request the command answered (`CommandMetadata.requestDigest`, else of its data) */
  readonly requestDigest: string;
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

const RESERVED = [
  'commandId',
  'commandType',
  'requestDigest',
  'correlationId',
  'causationId',
  'actor',
  'jurisdiction',
  'occurredAt',
];

/** What identifies a command's request: the digest it came with, else its data's. */
export function requestDigestOf(command: Command): string {
  return command.metadata.requestDigest ?? jsonDigest(command.data);
}

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
      commandType: command.type,
      requestDigest: requestDigestOf(command),
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
