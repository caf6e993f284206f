// A list on the services' paged API (libs/lists): one page at a time from the server (never every row),
// filters as a form whose values go into the query, the total, and the .xlsx export of the same filters.
import { Button, Form, Space, Table, type TableColumnsType, type TableProps } from 'antd';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSession } from '../auth/session';
import { EmptyText } from './EmptyText';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from './ErrorAlert';

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

export interface PagedListProps<T> {
  /** a name for the table (accessible name) */
  readonly caption: string;
  readonly columns: TableColumnsType<T>;
  readonly rowKey: keyof T & string;
  /** one page: `page` from 1 */
  readonly fetchPage: (query: Record<string, unknown>, page: number, pageSize: number) => Promise<Page<T>>;
  /** the filter controls (antd Form.Item elements) */
  readonly filters?: ReactNode;
  /** the export route, called with the filters and `format=xlsx` */
  readonly exportPath?: string;
  readonly initialFilters?: Record<string, unknown>;
  readonly pageSize?: number;
  readonly extra?: ReactNode;
  /** the export's query from the filters (e.g. a date typed in the form to the API's date-time) */
  readonly exportQuery?: (filters: Record<string, unknown>) => Record<string, unknown>;
  /** rows that open to more (the table's own `expandable`) */
  readonly expandable?: TableProps<T>['expandable'];
  /** bump to load again (after a change) */
  readonly reloadKey?: number;
}

const clean = (values: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(values).filter(([, value]) => value !== undefined && value !== '' && value !== null),
  );

export function PagedList<T extends object>(props: PagedListProps<T>) {
  const { t } = useI18n();
  const { api } = useSession();
  const [form] = Form.useForm();
  const [filters, setFilters] = useState<Record<string, unknown>>(clean(props.initialFilters ?? {}));
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(props.pageSize ?? 20);
  const [data, setData] = useState<Page<T>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [error, setError] = useState<unknown>();
  const { fetchPage } = props;

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    fetchPage(filters, page, pageSize)
      .then(
        (answer) => live && setData(answer),
        (caught: unknown) => live && setError(caught),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [fetchPage, filters, page, pageSize, props.reloadKey]);

  const exportXlsx = useCallback(async () => {
    if (!props.exportPath) return;
    setExporting(true);
    setError(undefined);
    try {
      const query = props.exportQuery ? props.exportQuery(filters) : filters;
      await api.download(props.exportPath, { ...query, format: 'xlsx' } as Record<string, string>);
    } catch (caught) {
      setError(caught);
    } finally {
      setExporting(false);
    }
  }, [api, filters, props.exportPath, props.exportQuery]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {props.filters && (
        <Form
          form={form}
          layout="inline"
          initialValues={props.initialFilters}
          onFinish={(values: Record<string, unknown>) => {
            setPage(1);
            setFilters(clean(values));
          }}
        >
          {props.filters}
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit">
                {t('list.filter')}
              </Button>
              <Button
                onClick={() => {
                  form.resetFields();
                  setPage(1);
                  setFilters(clean(props.initialFilters ?? {}));
                }}
              >
                {t('list.reset')}
              </Button>
            </Space>
          </Form.Item>
        </Form>
      )}
      <Space>
        {props.exportPath && (
          <Button onClick={exportXlsx} loading={exporting}>
            {exporting ? t('list.exporting') : t('list.exportXlsx')}
          </Button>
        )}
        {props.extra}
      </Space>
      <ErrorAlert error={error} />
      <Table<T>
        aria-label={props.caption}
        rowKey={props.rowKey}
        columns={props.columns}
        expandable={props.expandable}
        dataSource={data.items as T[]}
        loading={loading}
        locale={{ emptyText: <EmptyText /> }}
        pagination={{
          current: page,
          pageSize,
          total: data.total,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (total) => t('list.total', { total }),
          onChange: (next, size) => {
            setPage(size !== pageSize ? 1 : next);
            setPageSize(size);
          },
        }}
      />
    </Space>
  );
}
