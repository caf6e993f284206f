import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { runHealthChecks, type HealthCheck, type HealthReport } from './health-check';

/** The app's readiness checks: given to `ObservabilityModule.forRoot`, or registered by a module at init. */
@Injectable()
export class HealthChecks implements OnModuleDestroy {
  private readonly checks: HealthCheck[] = [];

  constructor(
    initial: readonly HealthCheck[] = [],
    private readonly timeoutMs = 2000,
  ) {
    for (const check of initial) this.register(check);
  }

  register(check: HealthCheck): void {
    if (this.checks.some((c) => c.name === check.name)) {
      throw new Error(`a health check named '${check.name}' is already registered`);
    }
    this.checks.push(check);
  }

  names(): string[] {
    return this.checks.map((check) => check.name);
  }

  run(): Promise<HealthReport> {
    return runHealthChecks(this.checks, this.timeoutMs);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled(this.checks.map((check) => check.close?.()));
  }
}
