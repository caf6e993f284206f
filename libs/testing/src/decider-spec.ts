// Given/when/then for deciders (ARCHITECTURE §7), after Emmett's DeciderSpecification:
//
//   const spec = DeciderSpecification.for(classDecider);
//   spec.given(classOpened).when(enrolTrainee).then(traineeEnrolled);
//   spec.given(classOpened, ...fiftyEnrolled).when(enrolTrainee).thenThrows(TooManyTrainees, (e) => e.details.max === 50);
//   spec.given(classClosed).when(closeClass).thenNothingHappened();
//
// Expectations use jest's `expect`, so a mismatch fails the test with jest's diff.
import { decisionEvents, toJsonObject, type Decider } from '@jineng/ddd';

type ErrorClass<Err extends Error> = abstract new (...args: never[]) => Err;

export interface DeciderThen<E> {
  /** decide produced exactly these events, in this order (and they are plain JSON data) */
  then(...expected: E[]): void;
  /** decide threw an instance of `errorClass`, and `predicate` (when given) does not return false */
  thenThrows<Err extends Error>(errorClass: ErrorClass<Err>, predicate?: (error: Err) => boolean | void): Err;
  /** decide produced no event */
  thenNothingHappened(): void;
}

export const DeciderSpecification = {
  for<C, S, E>(decider: Decider<C, S, E>) {
    return {
      given: (...history: E[]) => ({
        when: (command: C): DeciderThen<E> => then(decider, history, command),
      }),
    };
  },
};

function then<C, S, E>(decider: Decider<C, S, E>, history: readonly E[], command: C): DeciderThen<E> {
  const run = (): readonly E[] => {
    const state = history.reduce((s, event) => decider.evolve(s, event), decider.initialState());
    return decisionEvents(decider.decide(command, state));
  };
  return {
    then(...expected) {
      const actual = run();
      actual.forEach(assertPlainData);
      expect(actual).toEqual(expected);
    },
    thenThrows(errorClass, predicate) {
      let events: readonly E[];
      try {
        events = run();
      } catch (error) {
        expect(error).toBeInstanceOf(errorClass);
        const typed = error as InstanceType<typeof errorClass>;
        if (predicate && predicate(typed) === false) {
          throw new Error(`decide threw ${describe(error)}, but it does not satisfy the predicate`);
        }
        return typed;
      }
      throw new Error(
        `expected decide to throw ${errorClass.name}, but it returned ${events.length} event(s): ${JSON.stringify(events)}`,
      );
    },
    thenNothingHappened() {
      expect(run()).toEqual([]);
    },
  };
}

/** Events are data (ARCHITECTURE §2): what JSON cannot carry faithfully fails here, not in production. */
function assertPlainData(event: unknown, index: number): void {
  try {
    toJsonObject(event, `event[${index}]`);
  } catch (error) {
    throw new Error(`decided ${(error as Error).message}: events must be plain JSON data`);
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const details = (error as { details?: unknown }).details;
  return `${error.name}: ${error.message}${details === undefined ? '' : ` ${JSON.stringify(details)}`}`;
}
