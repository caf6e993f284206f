// `main.ts` of a business service: configuration, the app, listening, and a clean stop on SIGTERM.
import { JsonLogger } from '@jineng/observability';
import type { DynamicModule, Type } from '@nestjs/common';
import { createServiceApp } from './create-service-app';
import { serviceConfigFromEnv, ServiceConfigError } from './service-config';

const STOP_GRACE_MS = 10_000;

export async function runService(
  service: string,
  feature: Type | DynamicModule,
  defaults: { readonly port: number },
): Promise<void> {
  let logger = new JsonLogger({ service });
  try {
    const config = serviceConfigFromEnv(service, defaults);
    logger = new JsonLogger({ service, level: config.logLevel });
    const app = await createServiceApp(feature, config, logger);
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
    logger.fatal(error instanceof ServiceConfigError ? error.message : (error as Error), 'Bootstrap');
    process.exit(1);
  }
}
