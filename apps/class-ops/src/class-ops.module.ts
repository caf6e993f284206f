// The class operations service (issue 11, DOMAIN §3): opening, approval, roster. See apps/class-ops/README.md.
import { eventSubject } from '@jineng/messaging';
import { CommandRunner, SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Module, type OnModuleInit, type Type } from '@nestjs/common';
import { AmendRosterHandler } from './class/amend-roster/amend-roster.handler';
import { AmendRosterNatsController } from './class/amend-roster/amend-roster.nats.controller';
import { ApplyToOpenClassHandler } from './class/apply-to-open-class/apply-to-open-class.handler';
import { ApplyToOpenClassNatsController } from './class/apply-to-open-class/apply-to-open-class.nats.controller';
import { ApproveClassHandler } from './class/approve-class/approve-class.handler';
import { ApproveClassNatsController } from './class/approve-class/approve-class.nats.controller';
import { CheckInIntake } from './check-in/check-in-intake';
import { RecordCheckInHandler } from './check-in/record-check-in/record-check-in.handler';
import { RecordCheckInNatsController } from './check-in/record-check-in/record-check-in.nats.controller';
import { UploadCheckInsHandler } from './check-in/upload-check-ins/upload-check-ins.handler';
import { UploadCheckInsNatsController } from './check-in/upload-check-ins/upload-check-ins.nats.controller';
import { ClassCommands } from './class/class-command';
import { CompleteClassHandler } from './class/complete-class/complete-class.handler';
import { CompleteClassNatsController } from './class/complete-class/complete-class.nats.controller';
import { classDecider } from './class/domain/class.decide';
import { GetVideoCoverageHandler } from './class/get-video-coverage/get-video-coverage.handler';
import { GetVideoCoverageNatsController } from './class/get-video-coverage/get-video-coverage.nats.controller';
import { RecordInspectionHandler } from './class/record-inspection/record-inspection.handler';
import { RecordInspectionNatsController } from './class/record-inspection/record-inspection.nats.controller';
import { RecordVideoEvidenceHandler } from './class/record-video-evidence/record-video-evidence.handler';
import { RecordVideoEvidenceNatsController } from './class/record-video-evidence/record-video-evidence.nats.controller';
import { classStreamId } from './class/domain/class.events';
import { FundsGateDeadline } from './class/funds-gate/funds-gate.deadline';
import { OpeningDayDeadline } from './class/opening-day/opening-day.deadline';
import { ReapproveClassHandler } from './class/reapprove-class/reapprove-class.handler';
import { ReapproveClassNatsController } from './class/reapprove-class/reapprove-class.nats.controller';
import { RejectClassHandler } from './class/reject-class/reject-class.handler';
import { RejectClassNatsController } from './class/reject-class/reject-class.nats.controller';
import { WithdrawApplicationHandler } from './class/withdraw-application/withdraw-application.handler';
import { WithdrawApplicationNatsController } from './class/withdraw-application/withdraw-application.nats.controller';
import {
  EARMARK_REFUSED,
  onEarmarkRefused,
  type EarmarkRefusedData,
} from './integration/earmark-refused.process';
import {
  certificatesReadModel,
  certificationReadModel,
  fundLedgerReadModel,
  registryReadModel,
  subsidyReadModel,
} from './integration/local-read-models';
import { GetClassHandler } from './queries/get-class/get-class.handler';
import { GetClassNatsController } from './queries/get-class/get-class.nats.controller';
import { ClassLists } from './queries/list-handlers';
import { ListQueriesNatsController } from './queries/list-queries.nats.controller';
import { QueryScopes } from './queries/query-scopes';
import { RecordRectificationHandler } from './rectification/record-rectification/record-rectification.handler';
import { RecordRectificationNatsController } from './rectification/record-rectification/record-rectification.nats.controller';
import { ClassStore } from './shared/class-store';

/** One entry per use case: its NATS controller and its handler. */
const USE_CASES: readonly [Type, Type][] = [
  [ApplyToOpenClassNatsController, ApplyToOpenClassHandler],
  [ApproveClassNatsController, ApproveClassHandler],
  [ReapproveClassNatsController, ReapproveClassHandler],
  [RejectClassNatsController, RejectClassHandler],
  [AmendRosterNatsController, AmendRosterHandler],
  [WithdrawApplicationNatsController, WithdrawApplicationHandler],
  [RecordCheckInNatsController, RecordCheckInHandler],
  [UploadCheckInsNatsController, UploadCheckInsHandler],
  [RecordVideoEvidenceNatsController, RecordVideoEvidenceHandler],
  [RecordInspectionNatsController, RecordInspectionHandler],
  [CompleteClassNatsController, CompleteClassHandler],
  [RecordRectificationNatsController, RecordRectificationHandler],
  [GetVideoCoverageNatsController, GetVideoCoverageHandler],
  [GetClassNatsController, GetClassHandler],
  [ListQueriesNatsController, ClassLists],
];

@Module({
  controllers: USE_CASES.map(([controller]) => controller),
  providers: [
    ClassStore,
    ClassCommands,
    QueryScopes,
    CheckInIntake,
    OpeningDayDeadline,
    FundsGateDeadline,
    ...USE_CASES.map(([, handler]) => handler),
  ],
})
export class ClassOpsModule implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
    private readonly openingDay: OpeningDayDeadline,
    private readonly fundsGate: FundsGateDeadline,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.openingDay.register();
    this.fundsGate.register();
    this.lifecycle.readModel(registryReadModel(this.config.schema));
    this.lifecycle.readModel(subsidyReadModel(this.config.schema));
    this.lifecycle.readModel(certificationReadModel(this.config.schema));
    this.lifecycle.readModel(certificatesReadModel(this.config.schema));
    this.lifecycle.readModel(fundLedgerReadModel(this.config.schema));
    this.lifecycle.consume({
      name: 'class-ops-earmark-refusals',
      filterSubjects: [eventSubject('fund-ledger', EARMARK_REFUSED)],
      handle: async (event) => {
        const data = event.data as unknown as EarmarkRefusedData;
        const cls = await this.commands.load(classDecider, classStreamId(data.classId));
        if (cls.status === 'none') return; // not a class of ours
        await this.commands.runCaused(
          { id: event.id },
          {
            actor: { userId: 'system:class-ops', roles: ['system'] },
            jurisdiction: cls.applied.jurisdictionCode,
          },
          {
            decider: classDecider,
            streamId: classStreamId(data.classId),
            command: onEarmarkRefused(data),
            withEvents: (tx, { events }) => this.store.record(tx, events, new Date().toISOString()),
          },
        );
      },
    });
  }
}
