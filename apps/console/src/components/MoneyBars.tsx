// A light bar chart of amounts in fen (no chart library): one group per row, one bar per series, each bar
// with its amount as text beside it (the figure is readable without the bars; axe sees plain text).
// Bar widths are shares of the largest amount, computed with bigint: display only, money stays in fen.
import { Space, Typography } from 'antd';
import { formatFen } from '../money';

export interface BarSeries {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

export interface BarGroup {
  readonly label: string;
  readonly values: Readonly<Record<string, number | string>>;
}

/** a bar's width in per-mille of the largest amount (0 for nothing; at least 1 ‰ for anything) */
export function barPerMille(fen: number | string, largestFen: bigint): number {
  const value = BigInt(fen);
  if (value <= 0n || largestFen <= 0n) return 0;
  const share = Number((value * 1000n) / largestFen);
  return Math.max(1, share);
}

export function MoneyBars({
  title,
  series,
  groups,
  emptyText,
}: {
  title: string;
  series: readonly BarSeries[];
  groups: readonly BarGroup[];
  emptyText: string;
}) {
  const largest = groups
    .flatMap((group) => series.map((s) => BigInt(group.values[s.key] ?? 0)))
    .reduce((max, value) => (value > max ? value : max), 0n);
  return (
    <figure aria-label={title} style={{ margin: 0 }} data-testid="money-bars">
      <figcaption>
        <Typography.Text strong>{title}</Typography.Text>
      </figcaption>
      <Space wrap size="middle" style={{ margin: '8px 0' }} aria-hidden>
        {series.map((s) => (
          <Space key={s.key} size={4}>
            <span style={{ display: 'inline-block', width: 12, height: 12, background: s.color }} />
            <Typography.Text>{s.label}</Typography.Text>
          </Space>
        ))}
      </Space>
      {groups.length === 0 && <Typography.Paragraph>{emptyText}</Typography.Paragraph>}
      {groups.map((group) => (
        <div key={group.label} style={{ marginBottom: 12 }}>
          <Typography.Text>{group.label}</Typography.Text>
          {series.map((s) => {
            const fen = group.values[s.key] ?? 0;
            return (
              <div key={s.key} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
                <span
                  aria-hidden
                  style={{
                    display: 'inline-block',
                    height: 10,
                    width: `${barPerMille(fen, largest) / 20}%`,
                    background: s.color,
                  }}
                />
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                  {s.label} {formatFen(fen)}
                </Typography.Text>
              </div>
            );
          })}
        </div>
      ))}
    </figure>
  );
}
