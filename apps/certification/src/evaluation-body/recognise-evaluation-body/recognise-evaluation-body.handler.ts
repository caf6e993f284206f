// RecogniseEvaluationBody: an officer of the body's jurisdiction records it; what it is recognised for
// is written to evaluation_body_recognitions in the event's transaction (what occupations lead to).
import type { certificationV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner, commandAccepted } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { CertificationReads } from '../../local/certification-reads';
import { OFFICERS, authorize } from '../../shared/access';
import { evaluationBodyDecider } from '../domain/evaluation-body.decide';
import { evaluationBodyStreamId } from '../domain/evaluation-body';

@Injectable()
export class RecogniseEvaluationBodyHandler {
  constructor(
    private readonly commands: CommandRunner,
    private readonly reads: CertificationReads,
  ) {}

  async handle(
    request: RpcRequest<certificationV1.RecogniseEvaluationBody>,
  ): Promise<certificationV1.CommandAccepted> {
    const { envelope, payload } = request;
    authorize(envelope.principal, OFFICERS, { jurisdiction: payload.jurisdictionCode });
    const S = `"${this.reads.schema}"`;
    const result = await this.commands.run(request, {
      decider: evaluationBodyDecider,
      streamId: evaluationBodyStreamId(payload.evaluationBodyId),
      jurisdiction: payload.jurisdictionCode,
      command: { type: 'RecogniseEvaluationBody', data: { ...payload } },
      withEvents: async (tx, { events }) => {
        for (const { data } of events)
          await tx.query(
            `insert into ${S}.evaluation_bodies (evaluation_body_id, name, kind, jurisdiction_code, enterprise_id)
             values ($1, $2, $3, $4, $5)`,
            [data.evaluationBodyId, data.name, data.kind, data.jurisdictionCode, data.enterpriseId ?? null],
          );
        for (const event of events)
          for (const r of event.data.recognitions)
            for (const level of r.levels)
              for (const kind of r.kinds)
                await tx.query(
                  `insert into ${S}.evaluation_body_recognitions
                     (evaluation_body_id, occupation_code, level, kind, valid_from, valid_until)
                   values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
                  [
                    event.data.evaluationBodyId,
                    r.occupationCode,
                    level,
                    kind,
                    r.validFrom,
                    r.validUntil ?? null,
                  ],
                );
      },
    });
    return commandAccepted(payload.evaluationBodyId, result);
  }
}
