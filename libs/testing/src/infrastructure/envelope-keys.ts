// Signed envelopes in tests: one fresh Ed25519 key pair per test process, written to a temporary
// folder as the files the gateway and the services read (JINENG_ENVELOPE_SIGNING_KEY_FILE,
// JINENG_ENVELOPE_VERIFY_KEYS_FILE). A test gives the services these keys explicitly — through
// `envelopeKeyEnv()` in a service's environment (`startPlatform` does it for every app) — and sends
// its own requests with `signingRpcClient`, as the gateway would: nothing is switched off for tests.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  EnvelopeSigner,
  generateEnvelopeKeys,
  RpcClient,
  signingKeyFromJwk,
  type EnvelopeSigningKey,
  type RpcClientOptions,
} from '@jineng/messaging';
import type { ClientProxy } from '@nestjs/microservices';

export interface TestEnvelopeKeys {
  readonly signingKeyFile: string;
  readonly verifyKeysFile: string;
  /** the gateway's key, for tests that sign otherwise (expired, for another subject…) */
  readonly signingKey: EnvelopeSigningKey;
  /** signs as the gateway does */
  readonly signer: EnvelopeSigner;
}

let keys: TestEnvelopeKeys | undefined;

export function testEnvelopeKeys(): TestEnvelopeKeys {
  if (keys) return keys;
  const dir = mkdtempSync(path.join(tmpdir(), 'jineng-envelope-keys-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const { signingJwk, verifyJwks } = generateEnvelopeKeys(`test-${process.pid}`);
  const signingKeyFile = path.join(dir, 'envelope-signing-key.jwk.json');
  const verifyKeysFile = path.join(dir, 'envelope-verify-keys.jwks.json');
  writeFileSync(signingKeyFile, JSON.stringify(signingJwk), { mode: 0o600 });
  writeFileSync(verifyKeysFile, JSON.stringify(verifyJwks));
  const signingKey = signingKeyFromJwk(signingJwk);
  keys = { signingKeyFile, verifyKeysFile, signingKey, signer: new EnvelopeSigner(signingKey) };
  return keys;
}

/** The key files in the environment of a gateway (it signs) and of services (they verify). */
export function envelopeKeyEnv(): {
  JINENG_ENVELOPE_SIGNING_KEY_FILE: string;
  JINENG_ENVELOPE_VERIFY_KEYS_FILE: string;
} {
  const { signingKeyFile, verifyKeysFile } = testEnvelopeKeys();
  return {
    JINENG_ENVELOPE_SIGNING_KEY_FILE: signingKeyFile,
    JINENG_ENVELOPE_VERIFY_KEYS_FILE: verifyKeysFile,
  };
}

/** A request/reply client that signs its envelopes with the test keys, as the gateway's does. */
export function signingRpcClient(
  proxy: ClientProxy,
  options: Omit<RpcClientOptions, 'signer'> = {},
): RpcClient {
  return new RpcClient(proxy, { ...options, signer: testEnvelopeKeys().signer });
}
