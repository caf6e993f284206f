// Loads the seed versions as published versions at start, through the same decider as any admin's
// commands. Ids and command ids are fixed (seed-ids.ts), so a restart or a second replica replays
// the same commands and appends nothing. A published version is immutable: a seed edited after it
// was loaded is not applied again — its commands are then refused as a reuse of their ids with
// another request (COMMAND.ID_REUSED), the loader warns, and a correction ships as a new seed version.
import { CommandIdReused } from '@jineng/ddd';
import { JsonLogger } from '@jineng/observability';
import { CommandRunner, type CommandBody } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import type { PolicyVersionCommand } from '../domain/policy-version.commands';
import { policyVersionDecider } from '../domain/policy-version.decide';
import { policyVersionStreamId } from '../domain/policy-version.events';
import { contentOf, type PolicyVersionState } from '../domain/policy-version.state';
import { sameJson } from '../domain/same-json';
import type { PolicySeed } from './policy-seed';
import { POLICY_SEEDS } from './policy-seeds';
import { seedCommandId, seedVersionId } from './seed-ids';

/** The platform itself, acting as the admin of each seed's jurisdiction (and in it). */
const SEED_ACTOR = { userId: 'system:policy-seeds', roles: ['admin'] } as const;

export interface SeedLoadReport {
  /** seeds published by this load */
  readonly published: readonly string[];
  /** seeds that were published already */
  readonly unchanged: readonly string[];
}

@Injectable()
export class PolicySeedLoader {
  constructor(
    private readonly commands: CommandRunner,
    private readonly logger: JsonLogger,
  ) {}

  async load(seeds: readonly PolicySeed[] = POLICY_SEEDS): Promise<SeedLoadReport> {
    const published: string[] = [];
    const unchanged: string[] = [];
    for (const seed of seeds) {
      const versionId = seedVersionId(seed.key);
      const loaded = await this.publish(seed, versionId);
      (loaded === 'published' ? published : unchanged).push(seed.key);
      this.warnOnDrift(
        seed,
        await this.commands.load(policyVersionDecider, policyVersionStreamId(versionId)),
      );
    }
    return { published, unchanged };
  }

  /** Drafts and publishes a seed's version; 'unchanged' when both were done before. */
  private async publish(seed: PolicySeed, versionId: string): Promise<'published' | 'unchanged'> {
    try {
      const drafted = await this.run(seed, 'draft', {
        type: 'DraftPolicyVersion',
        data: {
          versionId,
          ...contentOf(seed),
          actorJurisdiction: seed.jurisdiction,
        },
      });
      const publishing = await this.run(seed, 'publish', {
        type: 'PublishPolicyVersion',
        data: {
          versionId,
          pastEffectiveReason: `导入平台前已发布的政策文件（种子数据 ${seed.source}）`,
          actorJurisdiction: seed.jurisdiction,
        },
      });
      return drafted.idempotent && publishing.idempotent ? 'unchanged' : 'published';
    } catch (error) {
      // the seed's commands were run before with other content: the seed was edited after loading
      if (error instanceof CommandIdReused) return 'unchanged';
      throw error;
    }
  }

  private run(seed: PolicySeed, step: 'draft' | 'publish', command: CommandBody<PolicyVersionCommand>) {
    return this.commands.runAsSystem(
      {
        commandId: seedCommandId(seed.key, step),
        actor: { userId: SEED_ACTOR.userId, roles: [...SEED_ACTOR.roles] },
        jurisdiction: seed.jurisdiction,
        correlationId: `policy-seed:${seed.key}`,
      },
      {
        decider: policyVersionDecider,
        streamId: policyVersionStreamId(seedVersionId(seed.key)),
        command,
      },
    );
  }

  private warnOnDrift(seed: PolicySeed, state: PolicyVersionState): void {
    if (state.status === 'none') return;
    if (!sameJson(contentOf(state), contentOf(seed))) {
      this.logger.warn(
        `policy seed ${seed.key} differs from its published version ${state.versionId}; published versions are immutable: ship the correction as a new seed version`,
        'PolicySeedLoader',
      );
    }
  }
}
