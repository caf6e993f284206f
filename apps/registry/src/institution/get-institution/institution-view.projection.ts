// Projects the institution events into institution_view.
import type { Projection, RecordedEvent } from '@jineng/event-store';
import type { EntityManager } from 'typeorm';
import type { InstitutionEvent } from '../domain/institution.events';
import { InstitutionViewEntity } from './institution-view.entity';

export function institutionViewProjection(): Projection {
  return {
    name: 'institution-view',
    entities: [InstitutionViewEntity],
    async apply(recorded: RecordedEvent, manager: EntityManager) {
      const event = { type: recorded.type, data: recorded.data } as unknown as InstitutionEvent;
      if (
        !recorded.type.startsWith('Institution') &&
        !['SiteEvaluationRecorded.v1', 'TeacherRegistered.v1'].includes(recorded.type)
      )
        return;
      const repository = manager.getRepository(InstitutionViewEntity);
      if (event.type === 'InstitutionAppliedForListing.v1') {
        const { annualInspectionPassedYear: _y, liabilityIncidentFreeSince: _s, ...d } = event.data;
        const previous = await repository.findOneBy({ institutionId: d.institutionId });
        await repository.save({
          teachers: [],
          siteEvaluations: [],
          disqualifications: [],
          ...previous,
          ...d,
          equipment: [...d.equipment],
          scope: d.scope.map((s) => ({ occupationCode: s.occupationCode, levels: [...s.levels] })),
          status: 'applied',
          publicationBatch: null,
          listedOn: null,
          suspensionReason: null,
          rectificationDeadline: null,
        });
        return;
      }
      const row = await repository.findOneBy({ institutionId: event.data.institutionId });
      if (!row) return;
      switch (event.type) {
        case 'SiteEvaluationRecorded.v1': {
          const { institutionId: _id, ...evaluation } = event.data;
          row.siteEvaluations = [...row.siteEvaluations, evaluation];
          break;
        }
        case 'InstitutionListed.v1':
          Object.assign(row, {
            status: 'listed',
            publicationBatch: event.data.publicationBatch,
            listedOn: event.data.listedOn,
            scope: event.data.scope,
          });
          break;
        case 'InstitutionSuspended.v1':
          Object.assign(row, {
            status: 'suspended',
            suspensionReason: event.data.reason,
            rectificationDeadline: event.data.rectificationDeadline,
          });
          break;
        case 'InstitutionReinstated.v1':
          Object.assign(row, { status: 'listed', suspensionReason: null, rectificationDeadline: null });
          break;
        case 'InstitutionDelisted.v1':
          row.status = 'delisted';
          break;
        case 'InstitutionDisqualifiedForYear.v1':
          row.disqualifications = [
            ...row.disqualifications,
            { year: event.data.year, reason: event.data.reason },
          ];
          break;
        case 'TeacherRegistered.v1': {
          const { teacherId, nameMasked, idNumberMasked, occupationCodes, fullTime, registeredOn } =
            event.data;
          row.teachers = [
            ...row.teachers,
            {
              teacherId,
              nameMasked,
              idNumberMasked,
              occupationCodes: [...occupationCodes],
              fullTime,
              registeredOn,
            },
          ];
          break;
        }
        case 'InstitutionScopeUpdated.v1':
          row.scope = event.data.scope.map((s) => ({
            occupationCode: s.occupationCode,
            levels: [...s.levels],
          }));
          break;
      }
      await repository.save(row);
    },
  };
}
