// `main.ts` of a business service: configuration, the app, listening, and a clean stop on SIGTERM.
// `main.js migrate` runs only the migration step (a Kubernetes init container or Job) and exits; it
// reads only the database settings, so it needs neither the app's NATS identity nor its envelope keys.
import type { Migration } from '@jineng/event-store';
import { JsonLogger } from '@jineng/observability';
import type { DynamicModule, Type } from '@nestjs/common';
import { createServiceApp } from './create-service-app';
import { DatabaseNotMigratedError, migrateServiceDatabase } from './database/service-database';
import { serviceConfigFromEnv, ServiceConfigError, serviceDatabaseConfigFromEnv } from './service-config';

const STOP_GRACE_MS = 10_000;

export interface ServiceDeclaration {
  readonly port: number;
  /** the service's own tables (the event store's and the inbox's come first by themselves) */
  readonly migrations?: readonly Migration[];
}

export async function runService(
  service: string,
  feature: Type | DynamicModule,
  declaration: ServiceDeclaration,
): Promise<void> {
  let logger = new JsonLogger({ service });
  try {
    if (process.argv[2] === 'migrate') {
      // the database settings only: the migration step needs no NATS identity and no envelope keys
      const config = serviceDatabaseConfigFromEnv(service);
      logger = new JsonLogger({ service, level: config.logLevel });
      const report = await migrateServiceDatabase(config, declaration.migrations);
      logger.log(
        `schema ${config.schema}: ${report.applied.length ? `applied ${report.applied.join(', ')}` : 'up to date'}` +
          (report.runtimeRole ? `; runtime role ${report.runtimeRole} granted` : ''),
        'Migrate',
      );
      process.exit(0);
    }
    const config = serviceConfigFromEnv(service, declaration);
    logger = new JsonLogger({ service, level: config.logLevel });
    const app = await createServiceApp(feature, config, logger, { migrations: declaration.migrations });
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal}: stopping`, 'Bootstrap');
      setTimeout(() => process.exit(1), STOP_GRACE_MS).unref();
      app.close().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(error instanceof Error ? error : String(error), 'Bootstrap');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    await app.listen(config.port, config.host);
    logger.log(
      `${service} listening: health http://127.0.0.1:${config.port}/health/ready, NATS jineng.cmd|qry.${service}.*`,
      'Bootstrap',
    );
  } catch (error) {
    const known = error instanceof ServiceConfigError || error instanceof DatabaseNotMigratedError;
    logger.fatal(known ? (error as Error).message : (error as Error), 'Bootstrap');
    process.exit(1);
  }
}
