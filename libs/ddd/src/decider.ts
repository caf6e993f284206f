// The write model (ARCHITECTURE §2), after Emmett's deciders: an aggregate is three pure functions.
// No framework, no I/O, no clock: everything the decision needs comes in with the command.
import type { CommandMetadata } from './command-metadata';
import type { ReadonlyJsonObject } from './json';

/** A fact, as data: a stable versioned name (`'ClassOpened.v1'`) and JSON data. */
export type DomainEvent<
  Type extends string = string,
  Data extends ReadonlyJsonObject = ReadonlyJsonObject,
> = {
  readonly type: Type;
  readonly data: Data;
};

/** An intention (`'OpenClass'`) with its data and the metadata every command carries. */
export type Command<Type extends string = string, Data extends ReadonlyJsonObject = ReadonlyJsonObject> = {
  readonly type: Type;
  readonly data: Data;
  readonly metadata: CommandMetadata;
};

export interface Decider<C, S, E> {
  /** the state of a stream with no events */
  initialState(): S;
  /** the events the command produces in this state; throws a `DomainError` when a rule forbids it */
  decide(command: C, state: S): E | readonly E[];
  /** the state after one more event; never throws for an event `decide` produced */
  evolve(state: S, event: E): S;
}

/** `decide`'s answer as a list. */
export function decisionEvents<E>(decision: E | readonly E[]): readonly E[] {
  return Array.isArray(decision) ? (decision as readonly E[]) : [decision as E];
}
