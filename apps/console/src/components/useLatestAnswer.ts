// Loads what a page shows whenever its query changes, and keeps only the answer to the latest query: an
// answer to an earlier query that arrives late (the page's first load, a slow day) is dropped, so the
// page never shows a day or a place the user did not ask for last.
import { useEffect, useState } from 'react';

export function useLatestAnswer<T>(
  load: (() => Promise<T>) | undefined,
  deps: readonly unknown[],
): { answer?: T; error?: unknown } {
  const [state, setState] = useState<{ answer?: T; error?: unknown }>({});
  useEffect(() => {
    if (!load) return;
    let latest = true;
    setState((before) => ({ answer: before.answer }));
    load().then(
      (answer) => {
        if (latest) setState({ answer });
      },
      (error: unknown) => {
        if (latest) setState({ error });
      },
    );
    return () => {
      latest = false;
    };
    // the caller names what its query depends on; `load` is a new closure at every render
  }, deps);
  return state;
}
