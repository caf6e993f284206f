// A trainee's list on a phone: one card per row (no table to scroll sideways), a page at a time from the
// server, an optional filter form above it and the .xlsx export of the same filters. The cards are a
// plain list (ul/li, named by its caption) under a pager: Ant Design's List is deprecated and warns.
import { Button, Form, Pagination, Space, Spin } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/i18n';

const PAGE_SIZE = 10;

export interface MobileCardListProps<T> {
  readonly caption: string;
  readonly path: string;
  readonly exportPath: string;
  readonly rowKey: keyof T & string;
  readonly renderCard: (row: T) => ReactNode;
  /** antd Form.Item elements; their values go into the query */
  readonly filters?: ReactNode;
  /** bump to load the page again (after a change) */
  readonly reloadKey?: number;
}

const clean = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined && v !== '' && v !== null),
  ) as Record<string, string>;

export function MobileCardList<T extends object>(props: MobileCardListProps<T>) {
  const { t } = useI18n();
  const { api } = useSession();
  const [filters, setFilters] = useState<Record<string, string>>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: T[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>();
  const { path } = props;

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    api
      .get<{ items: T[]; total: number }>(path, { ...filters, page, pageSize: PAGE_SIZE })
      .then(
        (answer) => live && setData(answer),
        (caught: unknown) => live && setError(caught),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [api, path, filters, page, props.reloadKey]);

  const exportXlsx = useCallback(async () => {
    setExporting(true);
    setError(undefined);
    try {
      await api.download(props.exportPath, { ...filters, format: 'xlsx' });
    } catch (caught) {
      setError(caught);
    } finally {
      setExporting(false);
    }
  }, [api, filters, props.exportPath]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {props.filters && (
        <Form
          layout="vertical"
          onFinish={(values: Record<string, unknown>) => {
            setPage(1);
            setFilters(clean(values));
          }}
        >
          {props.filters}
          <Button type="primary" htmlType="submit">
            {t('list.filter')}
          </Button>
        </Form>
      )}
      <Button onClick={exportXlsx} loading={exporting}>
        {exporting ? t('list.exporting') : t('list.exportXlsx')}
      </Button>
      <ErrorAlert error={error} />
      <Spin spinning={loading}>
        {data.items.length === 0 ? (
          <div style={{ padding: '16px 0', textAlign: 'center' }}>{!loading && <EmptyText />}</div>
        ) : (
          <ul
            aria-label={props.caption}
            style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 }}
          >
            {data.items.map((row) => (
              <li key={String(row[props.rowKey])}>{props.renderCard(row)}</li>
            ))}
          </ul>
        )}
      </Spin>
      <Pagination
        current={page}
        pageSize={PAGE_SIZE}
        total={data.total}
        size="small"
        showTotal={(total) => t('list.total', { total })}
        onChange={setPage}
      />
    </Space>
  );
}
