// An event's facts as one readable line: amounts (a field ending in `Fen`, integer fen) as ¥ with two
// decimals, lists and nested records as compact JSON with their amounts shown the same way.
import { formatFen } from '../../money';

const isFen = (key: string, value: unknown): value is number =>
  /Fen$/.test(key) && typeof value === 'number' && Number.isInteger(value);

function valueText(key: string, value: unknown): string {
  if (isFen(key, value)) return formatFen(value);
  if (Array.isArray(value)) return `[${value.map((item) => valueText('', item)).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${valueText(k, v)}`)
      .join(', ')} }`;
  return String(value);
}

export function factsText(facts: Readonly<Record<string, unknown>>): string {
  return Object.entries(facts)
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([key, value]) => `${key}: ${valueText(key, value)}`)
    .join('; ');
}

/** seal days missing between consecutive seals (the chain has none unless the copy lost some) */
export function sealGaps(days: readonly string[]): string[] {
  const gaps: string[] = [];
  for (let n = 1; n < days.length; n++) {
    let day = nextDay(days[n - 1]);
    while (day < days[n]) {
      gaps.push(day);
      day = nextDay(day);
    }
  }
  return gaps;
}

/** whole days after `lastDay` that are over by `today` (both Asia/Shanghai calendar days) */
export function daysBehind(lastDay: string | undefined, today: string): number {
  if (!lastDay) return 0;
  const ms = Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastDay}T00:00:00Z`);
  return Math.max(0, Math.round(ms / 86_400_000) - 1);
}

export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** today's calendar day in Beijing time */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
