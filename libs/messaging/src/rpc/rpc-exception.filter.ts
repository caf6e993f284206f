// The service side of error mapping: a domain error leaves as its JSON (code, category, messages,
// details) so the caller rebuilds the same error; anything else is logged here and leaves as a
// generic remote failure, without internals.
import { isDomainError } from '@jineng/ddd';
import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { REMOTE_FAILURE_REPLY } from './rpc-errors';

@Catch()
export class DomainErrorRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown): Observable<never> {
    if (isDomainError(exception)) return throwError(() => exception.toJSON());
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    return throwError(() => REMOTE_FAILURE_REPLY);
  }
}
