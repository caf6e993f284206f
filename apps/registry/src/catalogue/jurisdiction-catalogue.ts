// The jurisdictions the registry knows (GB/T 2260-shaped codes of the NBS 2023 list, province, city and
// county levels): a code of the right shape that is not in it is an unknown jurisdiction.
// Pure data, so domain code may use it. Regenerate with apps/registry/data/build-jurisdictions.mjs.
import data from '../../data/jurisdictions.json';

const NAMES: ReadonlyMap<string, string> = new Map(Object.entries(data.jurisdictions));

export const jurisdictionCatalogue = {
  isKnown: (code: string): boolean => NAMES.has(code),
  nameOf: (code: string): string | undefined => NAMES.get(code),
  size: NAMES.size,
};

/**
 * The code prefix every jurisdiction within `code` starts with: 140000 → '14', 140800 → '1408',
 * 140802 → '140802' (province-direct counties such as 419001 fall under their province's prefix).
 */
export function jurisdictionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}
