// The workers of the caller's jurisdiction, masked, a page at a time (GET /api/v1/workers: page and
// pageSize, never every row), filtered; exported to .xlsx directly (up to the service's limit) or as a
// background job with its progress (POST /api/v1/workers/exports) for any length.
import { Button, Form, Input, Select } from 'antd';
import { useCallback, useState } from 'react';
import { useSession } from '../../auth/session';
import { JobProgress } from '../../components/JobProgress';
import { PagedList } from '../../components/PagedList';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';

interface WorkerView {
  workerId: string;
  idNumberMasked: string;
  nameMasked: string;
  gender: 'male' | 'female';
  jurisdiction: string;
  education: string;
  category: string;
  registeredOn: string;
  employed: boolean;
}

export const CATEGORIES = ['poor_labour', 'graduate', 'rural_labour', 'urban_labour'] as const;

export default function WorkersPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const [jobId, setJobId] = useState<string>();
  const [jobError, setJobError] = useState<unknown>();
  const fetchPage = useCallback(
    (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: WorkerView[]; total: number }>('/api/v1/workers', {
        ...(filters as Record<string, string>),
        page,
        pageSize,
      }),
    [api],
  );
  return (
    <>
      <PagedList<WorkerView>
        caption={t('nav.workers')}
        rowKey="workerId"
        fetchPage={fetchPage}
        exportPath="/api/v1/workers/export"
        filters={
          <>
            <Form.Item name="category" label={t('worker.category')}>
              <Select
                allowClear
                style={{ width: 160 }}
                options={CATEGORIES.map((value) => ({ value, label: t(`worker.category.${value}`) }))}
              />
            </Form.Item>
            <Form.Item name="gender" label={t('worker.gender')}>
              <Select
                allowClear
                style={{ width: 100 }}
                options={(['male', 'female'] as const).map((value) => ({
                  value,
                  label: t(`worker.gender.${value}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="registeredFrom" label={t('worker.registeredOn')}>
              <Input type="date" />
            </Form.Item>
          </>
        }
        extra={
          <Button
            onClick={() => {
              setJobError(undefined);
              api
                .send<{ jobId: string }>('POST', '/api/v1/workers/exports', { format: 'xlsx' })
                .then((job) => setJobId(job.jobId), setJobError);
            }}
          >
            {t('worker.startExport')}
          </Button>
        }
        columns={[
          { title: t('worker.nameMasked'), dataIndex: 'nameMasked' },
          { title: t('worker.idNumberMasked'), dataIndex: 'idNumberMasked' },
          {
            title: t('worker.gender'),
            dataIndex: 'gender',
            render: (g: 'male' | 'female') => t(`worker.gender.${g}`),
          },
          {
            title: t('worker.category'),
            dataIndex: 'category',
            render: (c: string) => t(`worker.category.${c}` as MessageKey),
          },
          {
            title: t('worker.education'),
            dataIndex: 'education',
            render: (e: string) => t(`education.${e}` as MessageKey),
          },
          { title: t('worker.jurisdiction'), dataIndex: 'jurisdiction' },
          { title: t('worker.registeredOn'), dataIndex: 'registeredOn' },
          {
            title: t('worker.employed'),
            dataIndex: 'employed',
            render: (e: boolean) => (
              <StatusTag tone={e ? 'green' : 'default'}>
                {t(e ? 'worker.employed.yes' : 'worker.employed.no')}
              </StatusTag>
            ),
          },
        ]}
      />
      <ErrorAlert error={jobError} />
      {jobId && (
        <div style={{ marginTop: 16 }}>
          <JobProgress jobsPath="/api/v1/registry/jobs" jobId={jobId} />
        </div>
      )}
    </>
  );
}
