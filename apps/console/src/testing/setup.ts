// jsdom lacks what React and Ant Design ask the browser for: MessageChannel, media queries, ResizeObserver.
import { randomUUID } from 'node:crypto';

/**
 * A message channel whose messages arrive as macrotasks (what React's scheduler and rc-form's
 * `macroTask` use it for), on timers. Not node:worker_threads' MessageChannel: a port given an
 * `onmessage` holds the event loop open, and Jest never exits after the console's tests.
 */
class TimerMessagePort {
  onmessage: ((event: { data: unknown }) => void) | null = null;
  other?: TimerMessagePort;
  postMessage(data: unknown): void {
    const target = this.other;
    setTimeout(() => target?.onmessage?.({ data }), 0);
  }
  close(): void {
    this.onmessage = null;
  }
}
class TimerMessageChannel {
  readonly port1 = new TimerMessagePort();
  readonly port2 = new TimerMessagePort();
  constructor() {
    this.port1.other = this.port2;
    this.port2.other = this.port1;
  }
}
if (!('MessageChannel' in globalThis))
  Object.defineProperty(globalThis, 'MessageChannel', { value: TimerMessageChannel });

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
