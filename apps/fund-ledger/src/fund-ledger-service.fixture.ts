// The fund ledger service as its integration tests run it: the Nest app on the service runtime, a real
// PostgreSQL schema of its own (migrated by the migrator, the service running as its own role) and a
// nats-server of its own (its queue group must not meet another test file's), commands and queries
// over NATS request/reply with any principal, signed as the gateway signs them.
import { randomUUID } from 'node:crypto';
import { eventSubject, type Principal, type RpcClient } from '@jineng/messaging';
import { jetstream } from '@nats-io/jetstream';
import { JsonLogger } from '@jineng/observability';
import { createServiceApp, serviceConfigFromEnv } from '@jineng/service-runtime';
import {
  DedicatedNatsServer,
  connectTestDatabase,
  connectTestNats,
  envelopeKeyEnv,
  eventually,
  payeeAccountSealedEvent,
  payeeSealingKeyEnv,
  signingRpcClient,
  type TestDatabase,
  testEnvelope,
} from '@jineng/testing';
import type { INestApplication, Type } from '@nestjs/common';
import { ClientProxyFactory, Transport, type ClientProxy } from '@nestjs/microservices';
import { fundLedgerMigrations } from './fund-ledger.migrations';
import { FundLedgerModule } from './fund-ledger.module';

export class FundLedgerTestService {
  private app?: INestApplication;

  private constructor(
    readonly db: TestDatabase,
    readonly schema: string,
    /** the service's runtime role: it runs no DDL */
    private readonly runtimeUrl: string,
    readonly nats: DedicatedNatsServer,
    private readonly proxy: ClientProxy,
    private readonly client: RpcClient,
  ) {}

  /** A fresh schema (named after `database`), a nats-server of its own, the service started. */
  static async start(database: string): Promise<FundLedgerTestService> {
    const db = await connectTestDatabase(database);
    const schema = await db.freshSchema();
    const nats = await DedicatedNatsServer.start();
    const proxy = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [nats.url] } });
    const service = new FundLedgerTestService(
      db,
      schema,
      db.runtimeRole().url,
      nats,
      proxy,
      signingRpcClient(proxy, { defaultTimeoutMs: 10_000 }),
    );
    await service.restart();
    await proxy.connect();
    return service;
  }

  /** Stops the app if it runs, and starts it again on the same schema and nats-server. */
  async restart(): Promise<void> {
    // the ledger opens payees' accounts with the test process's private key (its provider reads the env)
    process.env.JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE =
      payeeSealingKeyEnv().JINENG_PAYEE_SEALING_PRIVATE_KEY_FILE;
    await this.app?.close();
    this.app = undefined;
    const config = serviceConfigFromEnv(
      'fund-ledger',
      { port: 0 },
      {
        // as its own role, migrated by the superuser as the migrator
        DATABASE_URL: this.runtimeUrl,
        JINENG_MIGRATOR_DATABASE_URL: this.db.url,
        NATS_URL: this.nats.url,
        JINENG_SCHEMA: this.schema,
        LOG_LEVEL: 'error',
        ...envelopeKeyEnv('fund-ledger'),
      },
    );
    this.app = await createServiceApp(
      FundLedgerModule,
      config,
      new JsonLogger({ service: 'fund-ledger', level: 'error' }),
      { migrations: fundLedgerMigrations },
    );
    await this.app.listen(0, '127.0.0.1');
  }

  /** A provider of the running app (to drive it from inside, as at start). */
  get<T>(type: Type<T>): T {
    if (!this.app) throw new Error('the fund ledger service is not running');
    return this.app.get(type);
  }

  async dispose(): Promise<void> {
    await this.proxy.close();
    await this.app?.close();
    await this.nats.dispose();
    await this.db.dispose();
  }

  command<R>(
    name: string,
    principal: Principal,
    payload: object,
    commandId: string = randomUUID(),
  ): Promise<R> {
    return this.client.send<R>(
      { kind: 'command', service: 'fund-ledger', name },
      { envelope: envelope(principal, commandId), payload },
    );
  }

  /**
   * Registry's PayeeAccountSealed.v1 for a payee, sealed to the test key, published on the service's bus
   * as the registry's relay would; answers once the ledger's read model has it (with its digest).
   */
  async sealPayeeAccount(
    payeeId: string,
    payeeKind: string,
    account: { accountName: string; accountNumber: string; bankCode?: string },
    streamVersion = 1,
  ): Promise<string> {
    const event = payeeAccountSealedEvent(payeeId, payeeKind, account, streamVersion);
    const nc = await connectTestNats(this.nats.url);
    try {
      await jetstream(nc).publish(eventSubject('registry', event.type), JSON.stringify(event), {
        msgID: event.id,
      });
    } finally {
      await nc.close();
    }
    const digest = String(event.data['accountDigest']);
    await eventually(async () => {
      const { rows } = await this.db.pool.query(
        `select account_digest from "${this.schema}".payee_accounts where payee_id = $1`,
        [payeeId],
      );
      expect(rows[0]?.account_digest).toBe(digest);
    });
    return digest;
  }

  query<R>(name: string, principal: Principal, payload: object): Promise<R> {
    return this.client.send<R>(
      { kind: 'query', service: 'fund-ledger', name },
      { envelope: envelope(principal), payload },
    );
  }
}

const envelope = testEnvelope;

export const admin = (jurisdiction: string): Principal => ({
  userId: `admin-${jurisdiction}`,
  roles: ['admin'],
  jurisdiction,
});

// the replies' checks every service fixture shares
export { expectContract, rejection } from '@jineng/testing';
