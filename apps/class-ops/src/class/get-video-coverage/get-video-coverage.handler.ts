// GetVideoCoverage: what the class's video evidence covers so far — theory in full, practical at the
// policy's continuous minutes per class hour — and the gaps by session.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeReader } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import { ClassCommands } from '../class-command';
import { videoCoverage } from '../domain/video-coverage';

@Injectable()
export class GetVideoCoverageHandler {
  constructor(
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
  ) {}

  async handle(request: RpcRequest<classOpsV1.GetVideoCoverage>): Promise<classOpsV1.VideoCoverage> {
    const cls = await this.classes.load(request.payload.classId);
    authorizeReader(request.envelope.principal, cls.applied);
    const policy = await this.store.classOpeningPolicyOf(cls.applied.classId);
    const perHour = policy?.minPracticalVideoMinutesPerHour;
    const coverage = videoCoverage(
      cls.applied,
      cls.videos,
      typeof perHour === 'number' ? perHour : undefined,
    );
    return { ...coverage, gaps: coverage.gaps.map((g) => ({ ...g })) };
  }
}
