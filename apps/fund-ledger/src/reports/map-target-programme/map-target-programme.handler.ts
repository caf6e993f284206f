// MapTargetProgramme: which training types count toward a programme of the jurisdiction's published
// target tables (../domain/target-programme.decide.ts). The programmes the tables print are looked up in
// the report-facts read model and given to the decider; the mapping is written with its event.
import type { fundLedgerV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { targetProgrammeDecider, targetProgrammeStreamId } from '../domain/target-programme.decide';
import { ActivityReportQuery } from '../get-fund-report/activity-report.query';

@Injectable()
export class MapTargetProgrammeHandler {
  private readonly S: string;

  constructor(
    private readonly commands: CommandRunner,
    private readonly facts: ActivityReportQuery,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async handle(
    request: RpcRequest<fundLedgerV1.MapTargetProgramme>,
  ): Promise<fundLedgerV1.TargetProgrammeMapping> {
    const { jurisdictionCode, programme } = request.payload;
    const publishedProgrammes = await this.facts.publishedProgrammes(jurisdictionCode);
    const result = await this.commands.run(request, {
      decider: targetProgrammeDecider,
      streamId: targetProgrammeStreamId(jurisdictionCode, programme),
      jurisdiction: jurisdictionCode,
      command: {
        type: 'MapTargetProgramme',
        data: {
          ...request.payload,
          actorJurisdiction: request.envelope.principal.jurisdiction,
          publishedProgrammes,
        },
      },
      withEvents: async (tx, recorded) => {
        for (const event of recorded.events) {
          const d = event.data;
          await tx.query(
            `insert into ${this.S}.report_programme_mappings (jurisdiction_code, programme, training_types, key_group_only)
             values ($1, $2, $3, $4)
             on conflict (jurisdiction_code, programme) do update set training_types = excluded.training_types,
               key_group_only = excluded.key_group_only`,
            [d.jurisdictionCode, d.programme, d.trainingTypes, d.keyGroupOnly],
          );
        }
      },
    });
    const mapped = result.state.mapped!;
    return {
      jurisdictionCode: mapped.jurisdictionCode,
      programme: mapped.programme,
      trainingTypes: [...mapped.trainingTypes],
      keyGroupOnly: mapped.keyGroupOnly,
      idempotent: result.idempotent,
    };
  }
}
