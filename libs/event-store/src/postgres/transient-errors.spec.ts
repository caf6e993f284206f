import { isTransientError } from './transient-errors';

const withCode = (code: string, message = 'boom'): Error => Object.assign(new Error(message), { code });

describe('isTransientError', () => {
  it.each([
    ['connection failure (class 08)', withCode('08006')],
    ['admin shutdown', withCode('57P01')],
    ['serialization failure', withCode('40001')],
    ['deadlock', withCode('40P01')],
    ['a session closed by idle_in_transaction_session_timeout', withCode('25P03')],
    ['too many connections (class 53)', withCode('53300')],
    ['refused socket', withCode('ECONNREFUSED')],
    ['terminated connection', new Error('Connection terminated unexpectedly')],
  ])('retries without end on %s', (_, error) => expect(isTransientError(error)).toBe(true));

  it.each([
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', withCode('23505')],
    ['a statement cancelled by statement_timeout', withCode('57014')],
    ['a non-error', 'oops'],
  ])('counts attempts (and dead-letters) on %s', (_, error) => expect(isTransientError(error)).toBe(false));
});
