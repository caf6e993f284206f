// What a service's integration test checks of the service it talks to over the bus: the envelope it
// sends (a gateway would sign it; the test's service trusts the test's keys), that a refusal is a domain
// error, and that every reply is what its contract says. One copy for every service's test fixture.
import { randomUUID } from 'node:crypto';
import { validateContract } from '@jineng/contracts';
import { ReceivedDomainError } from '@jineng/ddd';
import type { Envelope, Principal } from '@jineng/messaging';

/** The envelope of one request as `principal` (a command with its id). */
export const testEnvelope = (principal: Principal, commandId?: string): Envelope => ({
  principal,
  correlationId: randomUUID(),
  ...(commandId ? { commandId } : {}),
  sentAt: new Date().toISOString(),
});

/** The domain error a request was answered with (fails when it succeeded or failed otherwise). */
export async function rejection(promise: Promise<unknown>): Promise<ReceivedDomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReceivedDomainError);
  return error as ReceivedDomainError;
}

/** Every reply is what its contract says — as it travels, in JSON. */
export function expectContract(typeName: string, value: unknown): void {
  const result = validateContract(typeName, JSON.parse(JSON.stringify(value ?? null)));
  expect(result.ok ? [] : result.violations).toEqual([]);
}
