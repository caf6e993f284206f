// MapTargetAssignee: which institutions an assignee of the jurisdiction's target tables stands for
// (../domain/target-assignee.decide.ts). The assignees the tables name are looked up in the report-facts
// read model and given to the decider; the mapping is written with its event.
import type { fundLedgerV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { targetAssigneeDecider, targetAssigneeStreamId } from '../domain/target-assignee.decide';
import { ActivityReportQuery } from '../get-fund-report/activity-report.query';

@Injectable()
export class MapTargetAssigneeHandler {
  private readonly S: string;

  constructor(
    private readonly commands: CommandRunner,
    private readonly facts: ActivityReportQuery,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async handle(
    request: RpcRequest<fundLedgerV1.MapTargetAssignee>,
  ): Promise<fundLedgerV1.TargetAssigneeMapping> {
    const { jurisdictionCode, assignee } = request.payload;
    const publishedAssignees = await this.facts.publishedAssignees(jurisdictionCode);
    const result = await this.commands.run(request, {
      decider: targetAssigneeDecider,
      streamId: targetAssigneeStreamId(jurisdictionCode, assignee),
      jurisdiction: jurisdictionCode,
      command: {
        type: 'MapTargetAssignee',
        data: {
          ...request.payload,
          actorJurisdiction: request.envelope.principal.jurisdiction,
          publishedAssignees,
        },
      },
      withEvents: async (tx, recorded) => {
        for (const event of recorded.events) {
          const d = event.data;
          await tx.query(
            `insert into ${this.S}.report_assignee_mappings (jurisdiction_code, assignee, institution_ids)
             values ($1, $2, $3)
             on conflict (jurisdiction_code, assignee) do update set institution_ids = excluded.institution_ids`,
            [d.jurisdictionCode, d.assignee, d.institutionIds],
          );
        }
      },
    });
    const mapped = result.state.mapped!;
    return {
      jurisdictionCode: mapped.jurisdictionCode,
      assignee: mapped.assignee,
      institutionIds: [...mapped.institutionIds],
      idempotent: result.idempotent,
    };
  }
}
