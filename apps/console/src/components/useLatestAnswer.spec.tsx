// A page that asks again before its first answer came keeps the answer to its last question.
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLatestAnswer } from './useLatestAnswer';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useLatestAnswer', () => {
  it('drops a late answer to an earlier query (the first load must not overwrite the asked day)', async () => {
    const today = deferred<string>();
    const asked = deferred<string>();
    const answers: Record<string, Promise<string>> = { '': today.promise, '2019-06-01': asked.promise };
    const { result, rerender } = renderHook(({ day }) => useLatestAnswer(() => answers[day]!, [day]), {
      initialProps: { day: '' },
    });
    rerender({ day: '2019-06-01' });
    await act(async () => asked.resolve('rows of 2019-06-01'));
    await waitFor(() => expect(result.current.answer).toBe('rows of 2019-06-01'));
    await act(async () => today.resolve('rows of today'));
    expect(result.current.answer).toBe('rows of 2019-06-01');
  });

  it('a late failure of an earlier query does not show an error over the latest answer', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const queue = [first.promise, second.promise];
    const { result, rerender } = renderHook(({ n }) => useLatestAnswer(() => queue[n]!, [n]), {
      initialProps: { n: 0 },
    });
    rerender({ n: 1 });
    await act(async () => second.resolve('second'));
    await act(async () => first.reject(new Error('first failed')));
    expect(result.current).toEqual({ answer: 'second' });
  });

  it('shows the error of the latest query and loads nothing without a query', async () => {
    const load = jest.fn(() => Promise.reject(new Error('refused')));
    const { result, rerender } = renderHook(({ on }) => useLatestAnswer(on ? load : undefined, [on]), {
      initialProps: { on: false },
    });
    expect(load).not.toHaveBeenCalled();
    expect(result.current).toEqual({});
    rerender({ on: true });
    await waitFor(() => expect(result.current.error).toEqual(new Error('refused')));
    expect(result.current.answer).toBeUndefined();
  });
});
