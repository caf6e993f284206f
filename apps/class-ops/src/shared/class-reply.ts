import type { classOpsV1 } from '@jineng/contracts';
import type { CommandResult, DomainEvent } from '@jineng/ddd';
import { commandAccepted } from '@jineng/service-runtime';

/** The usual answer, with the warnings an application or a roster amendment was accepted with. */
export function classAccepted(
  classId: string,
  result: CommandResult<unknown, DomainEvent>,
): classOpsV1.ClassCommandAccepted {
  const warnings = result.events.flatMap(
    (event) =>
      ((event.data as { warnings?: classOpsV1.ClassWarning[] }).warnings ?? []) as classOpsV1.ClassWarning[],
  );
  return { ...commandAccepted(classId, result), ...(warnings.length > 0 ? { warnings } : {}) };
}
