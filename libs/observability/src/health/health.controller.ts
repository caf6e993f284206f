import { Controller, Get, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import type { HealthReport } from './health-check';
import { HealthChecks } from './health-checks';

/**
 * Kubernetes probes: `live` says the process serves HTTP (restart it if not), `ready` says its
 * dependencies answer (send it traffic only then) — 503 naming the failed check otherwise.
 */
@Controller('health')
export class HealthController {
  constructor(private readonly checks: HealthChecks) {}

  @Get('live')
  live(): { status: 'up' } {
    return { status: 'up' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: ServerResponse): Promise<HealthReport> {
    const report = await this.checks.run();
    res.statusCode = report.status === 'up' ? 200 : 503;
    return report;
  }
}
