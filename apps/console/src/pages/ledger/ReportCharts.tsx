// The charts and tables of a fund report (finance) or the public fund-usage disclosure: the money per
// fund source over the chosen year (sums of its periods, in bigint fen) and per subsidy kind, then every
// period's row. Shared by the ledger's report and the public disclosure: the same figures, fewer columns.
import { Col, Row, Table } from 'antd';
import { EmptyText } from '../../components/EmptyText';
import { MoneyBars, type BarSeries } from '../../components/MoneyBars';
import type { MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { kindName, sourceName } from './ledgerValues';

export interface ReportRow {
  readonly period: string;
  readonly fundSource: string;
  readonly [amount: `${string}Fen`]: number;
}

export interface ReportKindRow {
  readonly period: string;
  readonly fundSource: string;
  readonly subsidyKind: string;
  readonly committedFen: number;
  readonly returnedFen: number;
}

// one colour per amount of the report (eight at most)
const COLORS = ['#0958d9', '#389e0d', '#d46b08', '#cf1322', '#531dab', '#08979c', '#c41d7f', '#614700'];

/** the rows' amounts summed per key (bigint: no float on the way), as text fen */
export function sumBy<T extends object>(
  rows: readonly T[],
  keyOf: (row: T) => string,
  fields: readonly string[],
) {
  const sums = new Map<string, Record<string, bigint>>();
  for (const row of rows) {
    const key = keyOf(row);
    const sum = sums.get(key) ?? Object.fromEntries(fields.map((f) => [f, 0n]));
    for (const field of fields) sum[field] += BigInt((row as Record<string, number>)[field] ?? 0);
    sums.set(key, sum);
  }
  return [...sums].map(([key, sum]) => ({
    key,
    values: Object.fromEntries(Object.entries(sum).map(([f, v]) => [f, v.toString()])),
  }));
}

export function ReportCharts({
  rows,
  byKind,
  amounts,
}: {
  rows: readonly ReportRow[];
  byKind: readonly ReportKindRow[];
  /** the amount columns to show, e.g. receivedFen, committedFen … (dictionary: ledger.report.<name>) */
  amounts: readonly `${string}Fen`[];
}) {
  const { t } = useI18n();
  const label = (field: string) => t(`ledger.report.${field}` as MessageKey);
  const series: BarSeries[] = amounts.map((key, i) => ({
    key,
    label: label(key),
    color: COLORS[i % COLORS.length],
  }));
  const kindSeries: BarSeries[] = (['committedFen', 'returnedFen'] as const).map((key, i) => ({
    key,
    label: label(key),
    color: COLORS[(i + 1) % COLORS.length],
  }));
  const bySource = sumBy(rows, (row) => row.fundSource, amounts);
  const kinds = sumBy(byKind, (row) => row.subsidyKind, ['committedFen', 'returnedFen']);
  const money = (fen: number) => formatFen(fen);
  return (
    <>
      <Row gutter={[24, 24]}>
        <Col xs={24} lg={12}>
          <MoneyBars
            title={t('ledger.report.bySource')}
            series={series}
            emptyText={t('list.empty')}
            groups={bySource.map((group) => ({ label: sourceName(t, group.key), values: group.values }))}
          />
        </Col>
        <Col xs={24} lg={12}>
          <MoneyBars
            title={t('ledger.report.byKind')}
            series={kindSeries}
            emptyText={t('list.empty')}
            groups={kinds.map((group) => ({ label: kindName(t, group.key), values: group.values }))}
          />
        </Col>
      </Row>
      <Table<ReportRow>
        style={{ marginTop: 16 }}
        aria-label={t('ledger.report.rows')}
        size="small"
        rowKey={(row) => `${row.period}-${row.fundSource}`}
        dataSource={[...rows]}
        pagination={{ pageSize: 12, showTotal: (total) => t('list.total', { total }) }}
        scroll={{ x: true }}
        locale={{ emptyText: <EmptyText /> }}
        columns={[
          { title: t('ledger.report.period'), dataIndex: 'period' },
          { title: t('ledger.fundSource'), dataIndex: 'fundSource', render: (s: string) => sourceName(t, s) },
          ...amounts.map((field) => ({
            title: label(field),
            dataIndex: field,
            align: 'right' as const,
            render: money,
          })),
        ]}
      />
    </>
  );
}
