// The service side of error mapping: a domain error leaves as its JSON (code, category, messages,
// details) so the caller rebuilds the same error; anything else is logged here and leaves as a
// generic remote failure, without internals.
import { Catch, Logger, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';
import { rpcErrorReply } from './rpc-groups';

@Catch()
export class DomainErrorRpcFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('Rpc');

  catch(exception: unknown): Observable<never> {
    const reply = rpcErrorReply(exception, this.logger);
    return throwError(() => reply);
  }
}
