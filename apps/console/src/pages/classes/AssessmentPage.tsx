// A class's assessment (GET /api/v1/assessments/:id) and its results; an officer uploads the results
// sheet (.xlsx / .csv, POST …/results/sheet) with a progress bar — the file read, then sent and checked —
// and reads the per-row report. The API lists no assessments of a class: the page is reached from the
// class page after applying, or by the assessment's id.
import { Alert, Button, Card, Descriptions, Form, Input, Progress, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { EmptyText } from '../../components/EmptyText';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/dictionary';
import { toBase64 } from '../workers/RosterImportPage';
import { OFFICER_ROLES } from './ClassesPage';

interface TraineeResult {
  workerId: string;
  theoryScore?: number;
  practicalScore?: number;
  outcome: 'passed' | 'failed' | 'absent';
}
interface Assessment {
  assessmentId: string;
  classId: string;
  occupationCode: string;
  level: number;
  certificateKind: string;
  status: 'applied' | 'scheduled' | 'results_recorded';
  appliedOn: string;
  results: TraineeResult[];
}
interface SheetRow {
  row: number;
  outcome: 'recorded' | 'unchanged' | 'rejected';
  workerId?: string;
  problems: { field: string; code: string; reason: string; reasonEn: string }[];
}
interface SheetReport {
  recorded: number;
  unchanged: number;
  rejected: number;
  rows: SheetRow[];
}

/** the file's bytes, reporting the share read (a FileReader's progress events) */
export function readWithProgress(file: Blob, onProgress: (percent: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded * 100) / event.total));
    };
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

export default function AssessmentPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const { api, principal } = useSession();
  const { assessmentId } = params;
  const [assessment, setAssessment] = useState<Assessment>();
  const [error, setError] = useState<unknown>();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<{ percent: number; sending: boolean }>();
  const [report, setReport] = useState<SheetReport>();
  const [reload, setReload] = useState(0);
  const officer = principal?.roles.some((role) => OFFICER_ROLES.includes(role));

  useEffect(() => {
    let live = true;
    api.get<Assessment>(`/api/v1/assessments/${assessmentId}`).then(
      (answer) => live && setAssessment(answer),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [api, assessmentId, reload]);

  const upload = useCallback(
    async (values: { correctionReason?: string }) => {
      if (!file) return;
      setError(undefined);
      setReport(undefined);
      try {
        setProgress({ percent: 0, sending: false });
        const bytes = await readWithProgress(file, (percent) => setProgress({ percent, sending: false }));
        setProgress({ percent: 100, sending: true });
        setReport(
          await api.send<SheetReport>('POST', `/api/v1/assessments/${assessmentId}/results/sheet`, {
            fileName: file.name,
            contentBase64: toBase64(bytes),
            ...(values.correctionReason ? { correctionReason: values.correctionReason } : {}),
          }),
        );
        setReload((n) => n + 1);
      } catch (caught) {
        setError(caught);
      } finally {
        setProgress(undefined);
      }
    },
    [api, assessmentId, file],
  );

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Alert type="info" showIcon title={t('assessment.noList')} />
      {assessment && (
        <Card>
          <Descriptions column={3} size="small">
            <Descriptions.Item label={t('assessment.id')}>{assessment.assessmentId}</Descriptions.Item>
            <Descriptions.Item label={t('class.classId')}>{assessment.classId}</Descriptions.Item>
            <Descriptions.Item label={t('assessment.status')}>
              <StatusTag tone={assessment.status === 'results_recorded' ? 'green' : 'blue'}>
                {t(`assessment.status.${assessment.status}`)}
              </StatusTag>
            </Descriptions.Item>
            <Descriptions.Item label={t('class.certificateKind')}>
              {t(`class.certificateKind.${assessment.certificateKind}` as MessageKey)}
            </Descriptions.Item>
            <Descriptions.Item label={t('assessment.appliedOn')}>{assessment.appliedOn}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {officer && (
        <Card title={t('assessment.upload')} size="small">
          <Form layout="vertical" style={{ maxWidth: 560 }} onFinish={upload}>
            <Form.Item label={t('assessment.uploadResults')} htmlFor="results-file" required>
              <input
                id="results-file"
                type="file"
                accept=".xlsx,.csv"
                onChange={(event) => setFile(event.target.files?.[0])}
              />
            </Form.Item>
            <Form.Item name="correctionReason" label={t('assessment.correctionReason')}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit" disabled={!file || progress !== undefined}>
              {t('assessment.upload')}
            </Button>
          </Form>
          {progress && (
            <div data-testid="results-progress">
              <Progress percent={progress.percent} status="active" aria-label={t('assessment.upload')} />
              {progress.sending
                ? t('assessment.sending')
                : t('assessment.reading', { percent: progress.percent })}
            </div>
          )}
        </Card>
      )}
      {report && (
        <>
          <Alert
            type={report.rejected > 0 ? 'warning' : 'success'}
            showIcon
            role="status"
            data-testid="results-report"
            title={t('assessment.report', {
              recorded: report.recorded,
              unchanged: report.unchanged,
              rejected: report.rejected,
            })}
          />
          <Table<SheetRow>
            aria-label={t('assessment.problems')}
            size="small"
            rowKey="row"
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <EmptyText /> }}
            dataSource={report.rows}
            columns={[
              { title: t('assessment.row'), dataIndex: 'row', width: 80 },
              { title: t('assessment.worker'), dataIndex: 'workerId' },
              {
                title: t('assessment.outcome'),
                dataIndex: 'outcome',
                render: (outcome: SheetRow['outcome']) => (
                  <StatusTag tone={outcome === 'rejected' ? 'red' : 'green'}>
                    {t(`assessment.outcome.${outcome}`)}
                  </StatusTag>
                ),
              },
              {
                title: t('assessment.problems'),
                dataIndex: 'problems',
                render: (problems: SheetRow['problems']) =>
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
      {assessment && (
        <Card title={t('assessment.results')} size="small">
          <Table<TraineeResult>
            aria-label={t('assessment.results')}
            size="small"
            rowKey="workerId"
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <EmptyText /> }}
            dataSource={assessment.results}
            columns={[
              { title: t('assessment.worker'), dataIndex: 'workerId' },
              { title: t('assessment.theoryScore'), dataIndex: 'theoryScore' },
              { title: t('assessment.practicalScore'), dataIndex: 'practicalScore' },
              {
                title: t('assessment.outcome'),
                dataIndex: 'outcome',
                render: (outcome: TraineeResult['outcome']) => t(`assessment.outcome.${outcome}`),
              },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
