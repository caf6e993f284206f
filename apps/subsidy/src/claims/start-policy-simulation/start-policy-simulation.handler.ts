// StartPolicySimulation: the what-if as a long job (every completed class of a period, any number). Who
// may run it is checked before the job exists (a refusal answers at once); the job id is the command id
// (a retried request finds its job); the job reports the classes re-computed of how many, and ends with
// the totals and the file (.xlsx or JSON) GetJobFile serves to whoever started it.
import type { commonV1, subsidyV1 } from '@jineng/contracts';
import type { FileStore, RpcRequest } from '@jineng/messaging';
import { FILE_STORE, JobTracker } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import { PolicySimulation } from '../simulate-policy/policy-simulation';
import { simulationFile } from './simulation-export';

@Injectable()
export class StartPolicySimulationHandler {
  constructor(
    private readonly simulation: PolicySimulation,
    private readonly jobs: JobTracker,
    @Inject(FILE_STORE) private readonly files: FileStore,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<subsidyV1.StartPolicySimulation>): Promise<commonV1.JobAccepted> {
    const authorized = await this.simulation.authorize(payload, envelope.principal);
    const { jobId, created } = await this.jobs.create({
      ...(envelope.commandId ? { jobId: envelope.commandId } : {}),
      kind: 'policy-simulation',
      requestedBy: envelope.principal,
      total: authorized.classIds.length,
    });
    if (!created) return { jobId };
    this.jobs.run(jobId, async (progress) => {
      const result = await this.simulation.run(authorized, (done, total) => progress.report(done, total));
      const file = await this.files.put(simulationFile(result, payload, payload.format));
      const sum = (pick: (r: subsidyV1.PolicySimulationRow) => number) =>
        result.rows.reduce((total, r) => total + pick(r), 0);
      return {
        file,
        draftVersionId: result.draftVersionId,
        classes: result.classes,
        rows: result.rows.length,
        paidFen: sum((r) => r.paidFen),
        draftFen: sum((r) => r.draftFen),
        differenceFen: sum((r) => r.differenceFen),
      };
    });
    return { jobId };
  }
}
