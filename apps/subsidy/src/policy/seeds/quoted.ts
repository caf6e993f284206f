// Parameters written with their words: `maxClassSize: [50, '每班人数不得超过50人']` — the value, then the
// quotes of the document it comes from — or `notGiven('…')` for a rule the document names without its
// value (an amount left to the province). `unquote` splits them into the version's parameters and its
// clauses, so a value is never far from the words it rests on.
import {
  PARAMETERS,
  type ParameterClause,
  type ParameterField,
  type ParameterGroup,
  type ParameterValue,
  type PolicyParameters,
} from '@jineng/subsidy-computation';

/** A value and the document's words it comes from, verbatim. */
export type Quoted<T> = readonly [value: T, quote: string, ...more: string[]];

/** A rule the document names without giving its value: the parameter stays not set. */
export interface NotGiven {
  readonly notGiven: readonly [string, ...string[]];
}

export const notGiven = (quote: string, ...more: string[]): NotGiven => ({ notGiven: [quote, ...more] });

export type QuotedParameters = {
  readonly [G in ParameterGroup]?: {
    readonly [F in ParameterField<G>]?: Quoted<ParameterValue<G, F>> | NotGiven;
  };
};

/** The parameters and their clauses, both in catalogue order. */
export function unquote(quoted: QuotedParameters): {
  parameters: PolicyParameters;
  clauses: ParameterClause[];
} {
  const groups: Record<string, Record<string, unknown>> = {};
  const clauses: ParameterClause[] = [];
  for (const entry of PARAMETERS) {
    const group = quoted[entry.group] as Readonly<Record<string, Quoted<unknown> | NotGiven>> | undefined;
    const item = group?.[entry.field];
    if (item === undefined) continue;
    if ('notGiven' in item) {
      clauses.push({ parameter: entry.path, quotes: [...item.notGiven] });
      continue;
    }
    const [value, ...quotes] = item;
    (groups[entry.group] ??= {})[entry.field] = value;
    clauses.push({ parameter: entry.path, quotes });
  }
  return { parameters: groups as PolicyParameters, clauses };
}
