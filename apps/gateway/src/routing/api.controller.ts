import { All, Controller, Req, Res } from '@nestjs/common';
import type { ObservedResponse } from '@jineng/observability';
import { Dispatcher, type ApiRequest } from './dispatcher';

/** Everything under /api/v1 goes to the dispatcher, which routes by the route table. */
@Controller()
export class ApiController {
  constructor(private readonly dispatcher: Dispatcher) {}

  @All(['api/v1', 'api/v1/{*path}'])
  handle(@Req() req: ApiRequest, @Res() res: ObservedResponse): Promise<void> {
    return this.dispatcher.dispatch(req, res);
  }
}
