// GetClass: one class in full — its row, roster, sessions with who was present, the attendance
// matrix, the inspections, the video coverage and the funding (the ledger's earmark, a start withheld).
import type { classOpsV1 } from '@jineng/contracts';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { allSessions } from '../../check-in/domain/sessions';
import { ClassCommands } from '../../class/class-command';
import { classFunding } from '../../class/domain/funds-gate';
import { videoCoverage } from '../../class/domain/video-coverage';
import { authorizeReader } from '../../shared/class-access';
import { ClassStore } from '../../shared/class-store';
import { classList } from '../class-lists';
import { queryPage } from '@jineng/lists';

@Injectable()
export class GetClassHandler {
  constructor(
    private readonly classes: ClassCommands,
    private readonly store: ClassStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle(request: RpcRequest<classOpsV1.GetClass>): Promise<classOpsV1.ClassDetail> {
    const { classId } = request.payload;
    const cls = await this.classes.load(classId);
    authorizeReader(request.envelope.principal, cls.applied);
    const [row, attendance, policy, earmark] = await Promise.all([
      queryPage(this.pool, classList, this.config.schema, {}, [
        { filter: { sql: 'class_id', op: 'eq' }, value: classId },
      ]),
      this.store.attendanceOf(classId),
      this.store.classOpeningPolicyOf(classId),
      this.store.earmarkOf(classId),
    ]);
    const perHour = policy?.minPracticalVideoMinutesPerHour;
    const coverage = videoCoverage(
      cls.applied,
      cls.videos,
      typeof perHour === 'number' ? perHour : undefined,
    );
    const headcounts = cls.inspections.map((i) => i.headcount);
    const present = (sessionNo: number) => attendance.filter((t) => t.sessions.includes(sessionNo)).length;
    return {
      class: row.items[0] as unknown as classOpsV1.ClassRow,
      roster: [...cls.workerIds],
      policyVersionIds: [...cls.applied.policyVersionIds],
      sessions: allSessions(cls.applied).map(({ opensAt: _o, ...s }) => ({
        ...s,
        present: present(s.sessionNo),
      })),
      attendance,
      inspections: cls.inspections.map(
        ({ classId: _c, averageInspectedHeadcount: _a, ratioToOpeningDay: _r, ...i }) => ({
          ...i,
          teachersPresent: [...i.teachersPresent],
        }),
      ),
      ...(headcounts.length > 0
        ? {
            averageInspectedHeadcount:
              Math.round((headcounts.reduce((a, b) => a + b, 0) / headcounts.length) * 100) / 100,
          }
        : {}),
      coverage: { ...coverage, gaps: coverage.gaps.map((g) => ({ ...g })) },
      funding: classFunding(cls.applied.fundSource, earmark, cls.startWithheld),
    };
  }
}
