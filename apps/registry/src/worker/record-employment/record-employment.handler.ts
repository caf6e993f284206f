// RecordEmployment: a worker is employed (employer credit code, start date, evidence). One open
// employment at a time; the subsidy service reads these for the 20% employment tranche.
import type { registryV1 } from '@jineng/contracts';
import { newId } from '@jineng/kernel';
import type { RpcRequest } from '@jineng/messaging';
import { CommandRunner } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import { OFFICERS } from '../../access/access-control';
import { runOnWorker } from '../worker-access';

@Injectable()
export class RecordEmploymentHandler {
  constructor(private readonly commands: CommandRunner) {}

  handle(request: RpcRequest<registryV1.RecordEmployment>): Promise<registryV1.CommandAccepted> {
    return runOnWorker(this.commands, request, OFFICERS, {
      type: 'RecordEmployment',
      // a retried command answers with the id it recorded the first time
      data: {
        ...request.payload,
        employerCreditCode: request.payload.employerCreditCode.toUpperCase(),
        employmentId: newId(),
      },
    });
  }
}
