// `node -r ./scripts/infra/register-paths.cjs dist/apps/gateway/src/main.js` (what `npm start` runs).
import 'reflect-metadata';
import { JsonLogger } from '@jineng/observability';
import type { INestApplication } from '@nestjs/common';
import { gatewayConfigFromEnv, GatewayConfigError, type GatewayConfig } from './config/gateway-config';
import { createGatewayApp, OPENAPI_PATH } from './gateway-app';

const STOP_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let config: GatewayConfig;
  try {
    config = gatewayConfigFromEnv(process.env);
  } catch (error) {
    new JsonLogger({ service: 'gateway' }).fatal(
      error instanceof GatewayConfigError ? error.message : (error as Error),
      'Bootstrap',
    );
    process.exit(1);
  }
  const logger = new JsonLogger({ service: 'gateway', level: config.logLevel });
  const app = await createGatewayApp({ config, logger });
  stopOnSignals(app, logger);

  if (config.auth.mode === 'none') {
    logger.warn(
      'no token issuer is configured: every authenticated route answers 401. Set JINENG_OIDC_ISSUER, ' +
        'JINENG_OIDC_AUDIENCE and JINENG_OIDC_JWKS_URL, or JINENG_DEV_AUTH=enabled on a development machine',
      'Bootstrap',
    );
  } else if (config.auth.mode === 'dev') {
    logger.warn(
      'JINENG_DEV_AUTH=enabled: the development issuer signs tokens for demo users (never in production)',
      'Bootstrap',
    );
  }
  if (config.nats.authentication === 'none')
    logger.warn(
      'NATS: unauthenticated connection (a local development server): any process on the bus can send commands',
      'Bus',
    );
  await app.listen(config.port, config.host);
  const urlOf = (host: string, port: number) => `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  const url = urlOf(config.host, config.port);
  // with an admin port (production), docs and metrics are there and not on the public port
  const adminUrl = config.admin ? urlOf(config.admin.host, config.admin.port) : url;
  logger.log(
    `listening on ${url}: API ${url}/api/v1, readiness ${url}/health/ready; docs ${adminUrl}/${OPENAPI_PATH}, metrics ${adminUrl}/metrics`,
    'Bootstrap',
  );
}

/** SIGTERM (Kubernetes, `npm start`) or SIGINT: finish the requests in flight, close NATS, exit 0. */
function stopOnSignals(app: INestApplication, logger: JsonLogger): void {
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`${signal}: stopping`, 'Bootstrap');
    const killer = setTimeout(() => {
      logger.error(`did not stop within ${STOP_GRACE_MS} ms; exiting`, 'Bootstrap');
      process.exit(1);
    }, STOP_GRACE_MS);
    killer.unref();
    app.close().then(
      () => {
        logger.log('stopped', 'Bootstrap');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error(error instanceof Error ? error : String(error), 'Bootstrap');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  new JsonLogger({ service: 'gateway' }).fatal(error instanceof Error ? error : String(error), 'Bootstrap');
  process.exit(1);
});
