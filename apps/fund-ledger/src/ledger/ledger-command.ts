// What the ledger's command handlers share: a command whose events commit with their postings, and
// — for an earmark or a commitment — decided again with the refusal when the book finds the balance
// short, so that the refusal is a recorded fact the class or claim hears of.
import type { fundLedgerV1 } from '@jineng/contracts';
import type { CommandResult, DomainEvent } from '@jineng/ddd';
import { shanghaiDate } from '@jineng/kernel';
import { InsufficientFunds } from './domain/ledger.errors';

/** Runs a command (by request or caused by an event); `refusal` set on the second try. */
export type Attempt<S, E extends DomainEvent> = (
  refusal: InsufficientFunds | undefined,
) => Promise<CommandResult<S, E>>;

/** The first try; when the book refuses for short funds, the second try records the refusal. */
export async function withRefusal<S, E extends DomainEvent>(
  attempt: Attempt<S, E>,
): Promise<CommandResult<S, E>> {
  try {
    return await attempt(undefined);
  } catch (error) {
    if (!(error instanceof InsufficientFunds)) throw error;
    return attempt(error);
  }
}

/** The Asia/Shanghai day a command's events were recorded on: the day its postings are booked on. */
export const bookedOn = (result: CommandResult<unknown, DomainEvent>): string =>
  shanghaiDate(new Date(result.events[0]!.metadata.occurredAt));

export const causeOf = (
  result: CommandResult<unknown, DomainEvent>,
  extra: Record<string, string | undefined>,
) => {
  const { commandId, actor, correlationId } = result.events[0]!.metadata;
  const cause: Record<string, string> = {
    commandId,
    actor: actor.userId,
    correlationId,
    stream: result.streamId,
  };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) cause[key] = value;
  return cause;
};

export function outcomeOf(
  id: string,
  outcome: fundLedgerV1.LedgerOutcome['outcome'],
  amountFen: number,
  result: CommandResult<unknown, DomainEvent>,
  availableFen?: number,
): fundLedgerV1.LedgerOutcome {
  return {
    id,
    outcome,
    amountFen,
    ...(availableFen !== undefined ? { availableFen } : {}),
    events: result.events.map((event) => event.type),
    idempotent: result.idempotent,
  };
}
