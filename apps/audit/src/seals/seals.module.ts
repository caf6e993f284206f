// Daily seals: made by the scheduler, listed publicly, verified against the copy.
import { Module } from '@nestjs/common';
import { ListSealsHandler } from './list-seals/list-seals.handler';
import { ListSealsNatsController } from './list-seals/list-seals.nats.controller';
import { DailySealer } from './seal-days/daily-sealer';
import { SEAL_KEYS, sealKeysFromEnv } from './seal-key.config';
import { VerifySealsHandler } from './verify-seals/verify-seals.handler';
import { VerifySealsNatsController } from './verify-seals/verify-seals.nats.controller';

@Module({
  controllers: [ListSealsNatsController, VerifySealsNatsController],
  providers: [
    { provide: SEAL_KEYS, useFactory: () => sealKeysFromEnv() },
    DailySealer,
    ListSealsHandler,
    VerifySealsHandler,
  ],
})
export class SealsModule {}
