// Catalogue checks as rules deciders call: each answers the problem (a validation DomainError) or nothing.
import type { DomainError } from '@jineng/ddd';
import { jurisdictionCatalogue } from '../../catalogue/jurisdiction-catalogue';
import { occupationCatalogue } from '../../catalogue/occupation-catalogue';
import { LevelNotOffered, UnknownJurisdiction, UnknownOccupation } from './registry.errors';

export function unknownJurisdiction(field: string, code: string | undefined): DomainError | undefined {
  if (code === undefined || jurisdictionCatalogue.isKnown(code)) return undefined;
  return new UnknownJurisdiction({ field, code });
}

export function occupationProblem(field: string, code: string, level?: number): DomainError | undefined {
  const occupation = occupationCatalogue.find(code);
  if (!occupation) return new UnknownOccupation({ field, code });
  if (level !== undefined && !occupation.levels.includes(level)) {
    return new LevelNotOffered({ field, code, level, offered: [...occupation.levels] });
  }
  return undefined;
}

/** Throws the first problem, if any. */
export function throwFirst(problems: readonly (DomainError | undefined)[]): void {
  const first = problems.find((p) => p !== undefined);
  if (first) throw first;
}
