// The trainee's trainings, laid out for a phone (GET /api/v1/my/trainings, a page at a time; the service
// answers the signed-in worker's own classes only): class, institution, occupation and level, dates,
// status and the sessions attended of the class's total; filtered by the class's status and exported to
// .xlsx.
import { Card, Descriptions, Form, Progress, Select } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { zh, type MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { MobileCardList } from './MobileCardList';

interface MyTraining {
  readonly classId: string;
  readonly institutionId: string;
  readonly institutionName?: string;
  readonly status: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly startDate: string;
  readonly endDate: string;
  readonly sessionsAttended: number;
  readonly sessionsTotal: number;
}

const TONE: Record<string, 'green' | 'blue' | 'red' | 'orange' | 'default'> = {
  running: 'blue',
  completed: 'green',
  approved: 'blue',
  applied: 'orange',
  awaiting_funds: 'orange',
  rejected: 'red',
  cancelled: 'default',
};

export default function MyTrainingsPage() {
  const { t } = useI18n();
  const statusText = (status: string) => {
    const key = `class.status.${status}`;
    return key in zh ? t(key as MessageKey) : status;
  };
  return (
    <MobileCardList<MyTraining>
      caption={t('nav.myTrainings')}
      path="/api/v1/my/trainings"
      exportPath="/api/v1/my/trainings/export"
      rowKey="classId"
      filters={
        <Form.Item name="status" label={t('myTraining.status')}>
          <Select
            allowClear
            placeholder={t('myTraining.allStatuses')}
            options={Object.keys(TONE).map((status) => ({ value: status, label: statusText(status) }))}
          />
        </Form.Item>
      }
      renderCard={(row) => (
        <Card
          size="small"
          title={t('myTraining.levelOf', { occupation: row.occupationCode, level: row.level })}
          data-testid="my-training"
          style={{ width: '100%' }}
        >
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('myTraining.institution')}>
              {row.institutionName ?? row.institutionId}
            </Descriptions.Item>
            <Descriptions.Item label={t('myTraining.dates')}>
              {t('myTraining.dateRange', { from: row.startDate, to: row.endDate })}
            </Descriptions.Item>
            <Descriptions.Item label={t('myTraining.status')}>
              <StatusTag tone={TONE[row.status] ?? 'default'}>{statusText(row.status)}</StatusTag>
            </Descriptions.Item>
            <Descriptions.Item label={t('myTraining.attendance')}>
              {t('myTraining.attended', { attended: row.sessionsAttended, total: row.sessionsTotal })}
            </Descriptions.Item>
            <Descriptions.Item label={t('trainee.classId')}>{row.classId}</Descriptions.Item>
          </Descriptions>
          <Progress
            percent={row.sessionsTotal > 0 ? Math.round((100 * row.sessionsAttended) / row.sessionsTotal) : 0}
            size="small"
            aria-label={t('myTraining.attendance')}
          />
        </Card>
      )}
    />
  );
}
