// jsdom lacks what React and Ant Design ask the browser for: MessageChannel, media queries, ResizeObserver.
import { randomUUID } from 'node:crypto';
import { MessageChannel } from 'node:worker_threads';

if (!('MessageChannel' in globalThis))
  Object.defineProperty(globalThis, 'MessageChannel', { value: MessageChannel });

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
if (!('ResizeObserver' in window))
  Object.defineProperty(window, 'ResizeObserver', {
    value: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });
if (!globalThis.crypto?.randomUUID)
  Object.defineProperty(globalThis, 'crypto', { value: { ...globalThis.crypto, randomUUID } });

// a form's journey in jsdom takes seconds on a busy machine
jest.setTimeout(30_000);
