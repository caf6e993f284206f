import { defineDomainError, type Command, type Decider, type DomainEvent } from '@jineng/ddd';
import { DeciderSpecification } from './decider-spec';

// a tiny counter: Add adds up to a limit of 10, Reset empties it, adding 0 decides nothing
type Added = DomainEvent<'Added.v1', { amount: number }>;
type Reset = DomainEvent<'Reset.v1', { from: number }>;
type CounterEvent = Added | Reset;
type CounterCommand = Command<'Add', { amount: number }> | Command<'Reset', Record<string, never>>;

class LimitExceeded extends defineDomainError<{ max: number; actual: number }>({
  code: 'COUNTER.LIMIT_EXCEEDED',
  category: 'illegal_state',
  zh: (d) => `计数 ${d.actual} 超过上限 ${d.max}`,
  en: (d) => `count ${d.actual} exceeds the maximum of ${d.max}`,
}) {}
class SomethingElse extends defineDomainError({
  code: 'COUNTER.SOMETHING_ELSE',
  category: 'validation',
  zh: () => '其他',
  en: () => 'something else',
}) {}

const counter: Decider<CounterCommand, { total: number }, CounterEvent> = {
  initialState: () => ({ total: 0 }),
  decide(command, state) {
    if (command.type === 'Reset')
      return state.total === 0 ? [] : { type: 'Reset.v1', data: { from: state.total } };
    if (command.data.amount === 0) return [];
    const actual = state.total + command.data.amount;
    if (actual > 10) throw new LimitExceeded({ max: 10, actual });
    return [{ type: 'Added.v1', data: { amount: command.data.amount } }];
  },
  evolve: (state, event) =>
    event.type === 'Added.v1' ? { total: state.total + event.data.amount } : { total: 0 },
};

const metadata = {
  commandId: '0b8f5a52-3c3e-4c59-9a55-1f1f8f0a1a01',
  actor: { userId: 'u-1', roles: ['officer'] },
  jurisdiction: '330100',
  now: '2025-03-01T08:00:00+08:00',
  correlationId: 'c-1',
};
const add = (amount: number): CounterCommand => ({ type: 'Add', data: { amount }, metadata });
const reset: CounterCommand = { type: 'Reset', data: {}, metadata };
const added = (amount: number): Added => ({ type: 'Added.v1', data: { amount } });

const spec = DeciderSpecification.for(counter);

/** Runs an expectation that must fail, and returns the failure it raised. */
function failureOf(expectation: () => unknown): Error {
  try {
    expectation();
  } catch (error) {
    return error as Error;
  }
  throw new Error('the expectation passed, but it should have failed');
}

describe('DeciderSpecification', () => {
  describe('then', () => {
    it('passes when decide produces exactly the expected events, folding the given history first', () => {
      spec
        .given(added(3), added(4))
        .when(reset)
        .then({ type: 'Reset.v1', data: { from: 7 } });
      spec.given().when(add(2)).then(added(2));
    });

    it('fails when the events differ', () => {
      expect(failureOf(() => spec.given().when(add(2)).then(added(3))).message).toMatch(/toEqual/);
      expect(failureOf(() => spec.given(added(1)).when(reset).then()).message).toMatch(/toEqual/);
    });

    it('fails when decide throws, with the domain error', () => {
      expect(failureOf(() => spec.given(added(9)).when(add(2)).then(added(2)))).toBeInstanceOf(LimitExceeded);
    });

    it('fails when a decided event is not plain JSON data', () => {
      const withDate: Decider<CounterCommand, null, DomainEvent> = {
        initialState: () => null,
        decide: () => ({ type: 'Dated.v1', data: { at: new Date(0) as unknown as string } }),
        evolve: (state) => state,
      };
      const failure = failureOf(() =>
        DeciderSpecification.for(withDate)
          .given()
          .when(add(1))
          .then({ type: 'Dated.v1', data: { at: new Date(0) as unknown as string } }),
      );
      expect(failure.message).toMatch(/event\[0\]\.data\.at is not plain JSON data \(Date\)/);
    });
  });

  describe('thenThrows', () => {
    it('passes on the expected error class and returns it for further checks', () => {
      const error = spec.given(added(9)).when(add(2)).thenThrows(LimitExceeded);
      expect(error.details).toEqual({ max: 10, actual: 11 });
      spec
        .given(added(9))
        .when(add(2))
        .thenThrows(LimitExceeded, (e) => e.details.actual === 11);
    });

    it('fails when nothing is thrown', () => {
      const failure = failureOf(() => spec.given().when(add(1)).thenThrows(LimitExceeded));
      expect(failure.message).toMatch(/expected decide to throw LimitExceeded, but it returned 1 event/);
    });

    it('fails when another error class is thrown', () => {
      const failure = failureOf(() => spec.given(added(9)).when(add(2)).thenThrows(SomethingElse));
      expect(failure.message).toMatch(/toBeInstanceOf/);
    });

    it('fails when the predicate returns false', () => {
      const failure = failureOf(() =>
        spec
          .given(added(9))
          .when(add(2))
          .thenThrows(LimitExceeded, (e) => e.details.actual === 12),
      );
      expect(failure.message).toMatch(/does not satisfy the predicate/);
    });
  });

  describe('thenNothingHappened', () => {
    it('passes on an empty decision', () => {
      spec.given().when(reset).thenNothingHappened();
      spec.given(added(5)).when(add(0)).thenNothingHappened();
    });

    it('fails when events were decided', () => {
      expect(failureOf(() => spec.given(added(5)).when(reset).thenNothingHappened()).message).toMatch(
        /toEqual/,
      );
    });
  });
});
