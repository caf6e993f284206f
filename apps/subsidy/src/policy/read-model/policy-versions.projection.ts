// Policy version events → the policy_versions table (run by a ProjectionRunner: rows and checkpoint
// commit together). Each event carries the whole version, so every one simply writes the row.
import type { Projection, RecordedEvent } from '@jineng/event-store';
import type { EntityManager } from 'typeorm';
import type { PolicyVersionEvent } from '../domain/policy-version.events';
import { POLICY_VERSION_EVENT_TYPES } from '../domain/policy-version.events';
import { PolicyVersionRow } from './policy-version.entity';

export const policyVersionsProjection: Projection = {
  name: 'policy-versions',
  entities: [PolicyVersionRow],
  async apply(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
    if (!(POLICY_VERSION_EVENT_TYPES as readonly string[]).includes(recorded.type)) return;
    const event = { type: recorded.type, data: recorded.data } as unknown as PolicyVersionEvent;
    const rows = manager.getRepository(PolicyVersionRow);
    const { data } = event;
    const content = {
      versionId: data.versionId,
      jurisdiction: data.jurisdiction,
      revision: data.revision,
      effectiveFrom: data.effectiveFrom,
      effectiveUntil: data.effectiveUntil ?? null,
      title: data.title,
      document: data.document,
      parameters: data.parameters,
      targets: [...data.targets],
      assumptions: [...(data.assumptions ?? [])],
      clauses: [...(data.clauses ?? [])],
    };
    switch (event.type) {
      case 'PolicyVersionDrafted.v1':
        await rows.save(
          rows.create({
            ...content,
            status: 'draft',
            draftedAt: new Date(event.data.draftedAt),
            publishedAt: null,
            publishedBy: null,
            pastEffectiveReason: null,
          }),
        );
        return;
      case 'PolicyVersionDraftUpdated.v1':
        await rows.update({ versionId: data.versionId }, { ...content, status: 'draft' });
        return;
      case 'PolicyVersionPublished.v1':
        await rows.update(
          { versionId: data.versionId },
          {
            ...content,
            status: 'published',
            publishedAt: new Date(event.data.publishedAt),
            publishedBy: event.data.publishedBy,
            pastEffectiveReason: event.data.pastEffectiveReason ?? null,
          },
        );
        return;
    }
  },
};
