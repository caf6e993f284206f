// What a command id did, and the check that a later use of the id asks for the same: the same
// stream, the same command type, the same actor and the same request (its digest). The same facts
// get the first answer; any other fact is refused with COMMAND.ID_REUSED and nothing is done.
import { CommandIdReused, type CommandFact } from './command.errors';
import type { EventMetadata } from './event-metadata';

export interface CommandFacts {
  readonly streamId: string;
  /** absent on records made before command identity: then not compared */
  readonly commandType?: string;
  readonly actorId?: string;
  /** absent on records made before command identity: then not compared */
  readonly requestDigest?: string;
}

/** The facts an event recorded for its command (events of `handleCommand` and of bulk writers alike). */
export function factsOfEvent(event: {
  readonly streamId: string;
  readonly metadata: Readonly<Record<string, unknown>>;
}): CommandFacts {
  const metadata = event.metadata as Partial<EventMetadata>;
  return {
    streamId: event.streamId,
    commandType: metadata.commandType,
    actorId: metadata.actor?.userId,
    requestDigest: metadata.requestDigest,
  };
}

/** Throws `CommandIdReused` (409) naming the facts in which `again` differs from `first`. */
export function assertSameCommand(commandId: string, first: CommandFacts, again: CommandFacts): void {
  const differs: CommandFact[] = [];
  if (first.streamId !== again.streamId) differs.push('stream');
  if (first.commandType !== undefined && first.commandType !== again.commandType) differs.push('command');
  if (first.actorId !== again.actorId) differs.push('actor');
  if (first.requestDigest !== undefined && first.requestDigest !== again.requestDigest)
    differs.push('request');
  if (differs.length > 0) throw new CommandIdReused({ commandId, differs });
}
