// Every service answers GetJob and GetJobFile for its own jobs (jineng.qry.<service>.GetJob|GetJobFile):
// the runtime mounts this controller, made for the service's subjects.
import type { commonV1 } from '@jineng/contracts';
import { parseRpcRequest, rpcSubject } from '@jineng/messaging';
import { Controller, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { JobTracker } from './job-tracker';

export function getJobControllerFor(service: string): Type {
  @Controller()
  class GetJobNatsController {
    constructor(private readonly jobs: JobTracker) {}

    @MessagePattern(rpcSubject({ kind: 'query', service, name: 'GetJob' }))
    handle(@Payload() data: unknown): Promise<commonV1.JobView> {
      const { envelope, payload } = parseRpcRequest<commonV1.GetJob>(data, {
        payloadContract: 'jineng.common.v1.GetJob',
      });
      return this.jobs.get(payload.jobId, envelope.principal);
    }

    @MessagePattern(rpcSubject({ kind: 'query', service, name: 'GetJobFile' }))
    file(@Payload() data: unknown): Promise<commonV1.FileReply> {
      const { envelope, payload } = parseRpcRequest<commonV1.GetJobFile>(data, {
        payloadContract: 'jineng.common.v1.GetJobFile',
      });
      return this.jobs.file(payload.jobId, envelope.principal);
    }
  }
  return GetJobNatsController;
}
