// CompleteClass (结业): after the last session, the institution (or an officer) completes the class;
// ClassCompleted carries the attendance (accepted check-ins), the inspections' average and whether the
// average rule applies, the video coverage and the policy versions — what subsidy and certification need.
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { Injectable } from '@nestjs/common';
import { authorizeInstitutionOrOfficer } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import { ClassCommands } from '../class-command';

@Injectable()
export class CompleteClassHandler {
  constructor(
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
  ) {}

  handle(request: RpcRequest<classOpsV1.CompleteClass>): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId } = request.payload;
    return this.classes.run(
      request,
      (principal, cls) =>
        authorizeInstitutionOrOfficer(principal, {
          institutionId: cls.applied.institutionId,
          jurisdiction: cls.applied.jurisdictionCode,
        }),
      async () => {
        const [attendance, policy] = await Promise.all([
          this.store.attendanceOf(classId),
          this.store.classOpeningPolicyOf(classId),
        ]);
        const share = policy?.inspectionPresenceShare;
        const perHour = policy?.minPracticalVideoMinutesPerHour;
        return {
          type: 'CompleteClass',
          data: {
            classId,
            attendance,
            ...(typeof share === 'number' ? { inspectionPresenceShare: share } : {}),
            ...(typeof perHour === 'number' ? { minPracticalVideoMinutesPerHour: perHour } : {}),
          },
        };
      },
    );
  }
}
