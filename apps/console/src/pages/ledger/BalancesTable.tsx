// A jurisdiction's money per fund source (GET /api/v1/fund-ledger/balances/:code): available, earmarked
// for classes, committed to approved claims, payable and paid out — the earmarks and commitments by source.
import { Table } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { sourceName } from './ledgerValues';

export interface FundBalance {
  readonly fundSource: string;
  readonly availableFen: number;
  readonly earmarkedFen: number;
  readonly committedFen: number;
  readonly payableFen: number;
  readonly expenseFen: number;
}

export function BalancesTable({ jurisdiction, reloadKey }: { jurisdiction: string; reloadKey?: number }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [sources, setSources] = useState<FundBalance[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    api
      .get<{ sources: FundBalance[] }>(`/api/v1/fund-ledger/balances/${encodeURIComponent(jurisdiction)}`)
      .then(
        (answer) => live && setSources(answer.sources),
        (caught: unknown) => live && setError(caught),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, jurisdiction, reloadKey]);
  const money = (fen: number) => formatFen(fen);
  return (
    <>
      <ErrorAlert error={error} />
      <Table<FundBalance>
        aria-label={t('ledger.balancesOf', { code: jurisdiction })}
        rowKey="fundSource"
        loading={loading}
        dataSource={sources}
        pagination={false}
        locale={{ emptyText: <EmptyText /> }}
        scroll={{ x: true }}
        columns={[
          { title: t('ledger.fundSource'), dataIndex: 'fundSource', render: (s: string) => sourceName(t, s) },
          { title: t('ledger.available'), dataIndex: 'availableFen', align: 'right', render: money },
          { title: t('ledger.earmarked'), dataIndex: 'earmarkedFen', align: 'right', render: money },
          { title: t('ledger.committed'), dataIndex: 'committedFen', align: 'right', render: money },
          { title: t('ledger.payable'), dataIndex: 'payableFen', align: 'right', render: money },
          { title: t('ledger.expense'), dataIndex: 'expenseFen', align: 'right', render: money },
        ]}
      />
    </>
  );
}
