// A roster (.xlsx / .csv) uploaded in parts of 512 KiB (POST /api/v1/roster-uploads/:id/parts) with a
// progress bar, imported (POST /api/v1/roster-imports), then its per-row report a page at a time
// (GET /api/v1/roster-imports/:id/rows), every problem in the chosen language next to its column.
import { Alert, Button, Form, Input, Progress, Select, Space } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PagedList } from '../../components/PagedList';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';

export const PART_BYTES = 512 * 1024;

interface RowProblem {
  field: string;
  code: string;
  reason: string;
  reasonEn: string;
}
interface RosterRow {
  row: number;
  outcome: 'registered' | 'already_registered' | 'rejected';
  workerId?: string;
  idNumberMasked?: string;
  problems: RowProblem[];
}
interface ImportResult {
  importId: string;
  rows: number;
  registered: number;
  alreadyRegistered: number;
  rejected: number;
}

/** base64 of a slice of bytes, without a data: URL or a string per byte */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** the parts a file is sent in: at least one, each at most PART_BYTES */
export function partsOf(size: number): { start: number; end: number }[] {
  const count = Math.max(1, Math.ceil(size / PART_BYTES));
  return Array.from({ length: count }, (_, i) => ({
    start: i * PART_BYTES,
    end: Math.min(size, (i + 1) * PART_BYTES),
  }));
}

export default function RosterImportPage() {
  const { t, lang } = useI18n();
  const { api, principal } = useSession();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<{ part: number; parts: number; importing: boolean }>();
  const [result, setResult] = useState<ImportResult>();
  const [error, setError] = useState<unknown>();

  const upload = async ({ jurisdiction }: { jurisdiction: string }) => {
    if (!file) return;
    setError(undefined);
    setResult(undefined);
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const parts = partsOf(bytes.length);
      const uploadId = crypto.randomUUID();
      for (const [index, part] of parts.entries()) {
        setProgress({ part: index + 1, parts: parts.length, importing: false });
        await api.send('POST', `/api/v1/roster-uploads/${uploadId}/parts`, {
          partIndex: index,
          partCount: parts.length,
          contentBase64: toBase64(bytes.subarray(part.start, part.end)),
        });
      }
      setProgress({ part: parts.length, parts: parts.length, importing: true });
      setResult(
        await api.send<ImportResult>('POST', '/api/v1/roster-imports', {
          jurisdiction,
          fileName: file.name,
          uploadId,
        }),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(undefined);
    }
  };

  const fetchRows = useCallback(
    async (filters: Record<string, unknown>, page: number, pageSize: number) => {
      if (!result) return { items: [], total: 0 };
      const answer = await api.get<{ total: number; results: RosterRow[] }>(
        `/api/v1/roster-imports/${result.importId}/rows`,
        { outcome: filters.outcome as string | undefined, offset: (page - 1) * pageSize, limit: pageSize },
      );
      return { items: answer.results, total: answer.total };
    },
    [api, result],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ jurisdiction: principal?.jurisdiction }}
        onFinish={upload}
      >
        <Form.Item
          name="jurisdiction"
          label={t('roster.jurisdiction')}
          rules={[{ required: true, message: t('common.required', { field: t('roster.jurisdiction') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item label={t('roster.file')} htmlFor="roster-file" required>
          <input
            id="roster-file"
            type="file"
            accept=".xlsx,.csv"
            onChange={(event) => setFile(event.target.files?.[0])}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!file || progress !== undefined}>
          {t('roster.upload')}
        </Button>
      </Form>
      {progress && (
        <div data-testid="roster-progress">
          <Progress
            percent={Math.floor((progress.part * 100) / progress.parts)}
            status="active"
            aria-label={t('roster.upload')}
          />
          {progress.importing
            ? t('roster.importing')
            : t('roster.uploading', { part: progress.part, parts: progress.parts })}
        </div>
      )}
      <ErrorAlert error={error} />
      {result && (
        <>
          <Alert
            type={result.rejected > 0 ? 'warning' : 'success'}
            showIcon
            role="status"
            data-testid="roster-summary"
            title={t('roster.summary', {
              rows: result.rows,
              registered: result.registered,
              already: result.alreadyRegistered,
              rejected: result.rejected,
            })}
          />
          <PagedList<RosterRow>
            caption={t('roster.problems')}
            rowKey="row"
            fetchPage={fetchRows}
            filters={
              <Form.Item name="outcome" label={t('roster.outcome')}>
                <Select
                  allowClear
                  style={{ width: 140 }}
                  options={(['registered', 'already_registered', 'rejected'] as const).map((value) => ({
                    value,
                    label: t(`roster.outcome.${value}`),
                  }))}
                />
              </Form.Item>
            }
            columns={[
              { title: t('roster.row'), dataIndex: 'row', width: 80 },
              {
                title: t('roster.outcome'),
                dataIndex: 'outcome',
                render: (o: RosterRow['outcome']) => (
                  <StatusTag tone={o === 'rejected' ? 'red' : o === 'registered' ? 'green' : 'blue'}>
                    {t(`roster.outcome.${o}`)}
                  </StatusTag>
                ),
              },
              { title: t('worker.idNumberMasked'), dataIndex: 'idNumberMasked' },
              {
                title: t('roster.problems'),
                dataIndex: 'problems',
                render: (problems: RowProblem[]) =>
                  problems.map((p) => (
                    <div key={p.field + p.code}>
                      {p.field ? `${p.field}：` : ''}
                      {lang === 'zh' ? p.reason : p.reasonEn}
                    </div>
                  )),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
