// A long job of a service (libs/service-runtime jobs): its progress polled from the service's job route
// until it ends, then its file to download, or its error in the chosen language.
import { Button, Card, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';
import { ErrorAlert } from './ErrorAlert';

export interface JobView {
  readonly jobId: string;
  readonly kind: string;
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed';
  readonly done: number;
  readonly total?: number;
  readonly error?: { code: string; message: string; messageEn: string };
  /** what a job without a file answers when it succeeded (e.g. a reconciliation's counts) */
  readonly result?: unknown;
}

/** percent of the job done: 0–100, whole numbers, 100 only when it succeeded */
export function jobPercent(job: Pick<JobView, 'status' | 'done' | 'total'>): number {
  if (job.status === 'succeeded') return 100;
  if (!job.total) return 0;
  return Math.min(99, Math.floor((job.done * 100) / job.total));
}

export function JobProgress({
  jobsPath,
  jobId,
  intervalMs = 500,
  withFile = true,
  onEnded,
}: {
  /** e.g. /api/v1/registry/jobs */
  jobsPath: string;
  jobId: string;
  intervalMs?: number;
  withFile?: boolean;
  /** called once with the job as it ended (succeeded or failed) */
  onEnded?: (job: JobView) => void;
}) {
  const { api } = useSession();
  const { lang, t } = useI18n();
  const [job, setJob] = useState<JobView>();
  const [error, setError] = useState<unknown>();
  const endedRef = useRef(onEnded);
  endedRef.current = onEnded;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api.get<JobView>(`${jobsPath}/${jobId}`);
        if (!live) return;
        setJob(next);
        if (next.status === 'queued' || next.status === 'running') timer = setTimeout(poll, intervalMs);
        else endedRef.current?.(next);
      } catch (caught) {
        if (live) setError(caught);
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, jobsPath, jobId, intervalMs]);

  return (
    <Card title={t('job.title')} size="small" data-testid="job-progress">
      <ErrorAlert error={error} />
      {job && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Progress
            percent={jobPercent(job)}
            status={job.status === 'failed' ? 'exception' : job.status === 'succeeded' ? 'success' : 'active'}
            aria-label={t('job.title')}
          />
          <Typography.Text>
            {t(`job.${job.status}`)}
            {job.total ? ` · ${t('job.progress', { done: job.done, total: job.total })}` : ''}
          </Typography.Text>
          {job.status === 'failed' && job.error && (
            <Typography.Text type="danger">
              {lang === 'zh' ? job.error.message : job.error.messageEn}
            </Typography.Text>
          )}
          {job.status === 'succeeded' && withFile && (
            <Button type="primary" onClick={() => api.download(`${jobsPath}/${jobId}/file`).catch(setError)}>
              {t('job.download')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}
