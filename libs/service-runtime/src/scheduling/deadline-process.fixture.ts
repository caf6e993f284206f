// A service process whose only work is a deadline kind, for the test that moves its clock from
// outside (JINENG_TEST_CLOCK_FILE):
//   node -r ./scripts/ts-register.cjs libs/service-runtime/src/scheduling/deadline-process.fixture.ts
// with SERVICE, DATABASE_URL, NATS_URL, JINENG_SCHEMA and JINENG_TEST_CLOCK_FILE in the environment
// (and what every service needs: envelope verify keys, the migrator's URL to migrate at start); its
// `reminders` table receives one row per fired deadline.
import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { runService } from '../run-service';
import type { ServiceConfig } from '../service-config';
import { SERVICE_CONFIG } from '../service-tokens';
import { DeadlineScheduler } from './deadline-scheduler';

@Module({})
class DeadlineFixtureModule implements OnModuleInit {
  constructor(
    private readonly deadlines: DeadlineScheduler,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.deadlines.handle('reminder', async (deadline, tx) => {
      await tx.query(
        `insert into "${this.config.schema}".reminders (deadline_id, fired_at, command_id) values ($1, $2, $3)`,
        [deadline.id, deadline.firedAt, deadline.commandId],
      );
    });
  }
}

void runService(process.env.SERVICE ?? 'deadline-fixture', DeadlineFixtureModule, {
  port: 0,
  migrations: [
    {
      id: 'fixture-0001-reminders',
      sql: (S) => `create table ${S}.reminders (deadline_id text, fired_at timestamptz, command_id uuid)`,
    },
  ],
});
