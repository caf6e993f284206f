// What the class commands after the opening share: load the class, authorize on it, run the command
// on its stream with the class rows in the same transaction; and the same for the commands the class's
// deadlines issue as the system.
import type { classOpsV1 } from '@jineng/contracts';
import type { Principal, RpcRequest } from '@jineng/messaging';
import { CommandRunner, type CommandBody, type DueDeadline } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { classAccepted } from '../shared/class-reply';
import { ClassStore } from '../shared/class-store';
import { classDecider, type ClassCommand } from './domain/class.decide';
import { ClassNotFound } from './domain/class.errors';
import { classStreamId } from './domain/class.events';
import type { KnownClass } from './domain/class.state';

@Injectable()
export class ClassCommands {
  constructor(
    private readonly commands: CommandRunner,
    private readonly store: ClassStore,
  ) {}

  async load(classId: string): Promise<KnownClass> {
    const cls = await this.commands.load(classDecider, classStreamId(classId));
    if (cls.status === 'none') throw new ClassNotFound({ classId });
    return cls;
  }

  async run(
    request: RpcRequest<{ classId: string }>,
    authorize: (principal: Principal, cls: KnownClass) => void,
    command: (cls: KnownClass) => Promise<CommandBody<ClassCommand>> | CommandBody<ClassCommand>,
    /** rows of the command's own that commit with its events (after the class rows); `recorded`: how many */
    alsoWrite?: (tx: PoolClient, cls: KnownClass, recorded: number) => Promise<void>,
  ): Promise<classOpsV1.ClassCommandAccepted> {
    const { classId } = request.payload;
    const cls = await this.load(classId);
    authorize(request.envelope.principal, cls);
    const result = await this.commands.run(request, {
      decider: classDecider,
      streamId: classStreamId(classId),
      jurisdiction: cls.applied.jurisdictionCode,
      command: await command(cls),
      withEvents: async (tx, { events }) => {
        await this.store.record(tx, events, new Date().toISOString());
        await alsoWrite?.(tx, cls, events.length);
      },
    });
    return classAccepted(classId, result);
  }

  /**
   * The command a class's deadline issues when it is due (`data.classId`), as the system, under the
   * deadline's command id: a re-fire records nothing new. A class never applied for is left alone.
   */
  async runOnDeadline(
    deadline: DueDeadline,
    command: (classId: string) => Promise<CommandBody<ClassCommand>>,
  ): Promise<void> {
    const classId = String(deadline.data.classId);
    const cls = await this.commands.load(classDecider, classStreamId(classId));
    if (cls.status === 'none') return;
    await this.commands.runAsSystem(
      {
        actor: { userId: 'system:class-ops', roles: ['system'] },
        jurisdiction: cls.applied.jurisdictionCode,
        commandId: deadline.commandId,
        correlationId: deadline.commandId,
      },
      {
        decider: classDecider,
        streamId: classStreamId(classId),
        command: await command(classId),
        withEvents: (tx, { events }) => this.store.record(tx, events, deadline.firedAt.toISOString()),
      },
    );
  }
}
