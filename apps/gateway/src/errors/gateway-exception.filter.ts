import { JsonLogger } from '@jineng/observability';
import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorResponseOf } from './error-response';

/** The one place errors become HTTP answers (see error-response.ts for the mapping). */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<IncomingMessage & { originalUrl?: string }>();
    const res = http.getResponse<ServerResponse>();
    // the middleware set it for every request; the response must say the same id as the logs
    const correlationId = String(res.getHeader('x-correlation-id') ?? '');
    const url = req.originalUrl ?? req.url ?? '/';
    const answer = errorResponseOf(exception, {
      correlationId,
      method: req.method ?? 'GET',
      path: url.split('?')[0] ?? '/',
    });

    if (answer.unexpected)
      this.logger.error(exception instanceof Error ? exception : String(exception), 'GatewayExceptionFilter');
    else if (answer.status >= 500) {
      this.logger.warn(
        { message: answer.body.messageEn, code: answer.body.code, status: answer.status },
        'GatewayExceptionFilter',
      );
    }

    if (res.headersSent) {
      // the answer had begun: nothing sound can be added to it
      res.destroy();
      return;
    }
    res.statusCode = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.end(JSON.stringify(answer.body));
  }
}
