// The holiday calendar the working-day rules count with (GET /api/v1/holiday-calendar): the years
// covered, and each published year's days off and make-up working days, national and the province's own.
import { Button, Descriptions, Form, Input, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyText } from '../../components/EmptyText';
import { useLatestAnswer } from '../../components/useLatestAnswer';
import { useI18n } from '../../i18n/i18n';

interface HolidayYear {
  year: number;
  province?: string;
  holidays: string[];
  makeUpWorkdays: string[];
  source: 'package' | 'publication';
  revision: number;
}
interface HolidayCalendar {
  packageFromYear: number;
  packageToYear: number;
  fromYear: number;
  toYear: number;
  published: HolidayYear[];
}

export default function HolidayCalendarPage() {
  const { t } = useI18n();
  const { api, principal } = useSession();
  const [province, setProvince] = useState(principal ? `${principal.jurisdiction.slice(0, 2)}0000` : '');
  const { answer: calendar, error } = useLatestAnswer(
    () => api.get<HolidayCalendar>('/api/v1/holiday-calendar', { province: province || undefined }),
    [api, province],
  );
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Form
        layout="inline"
        initialValues={{ province }}
        onFinish={(values: { province: string }) => setProvince(values.province)}
      >
        <Form.Item name="province" label={t('holiday.province')}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('list.filter')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {calendar && (
        <>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'y', label: t('holiday.year'), children: `${calendar.fromYear} – ${calendar.toYear}` },
            ]}
          />
          <Table<HolidayYear>
            aria-label={t('nav.holidays')}
            rowKey={(y) => `${y.year}-${y.province ?? ''}`}
            dataSource={calendar.published}
            size="small"
            pagination={false}
            locale={{ emptyText: <EmptyText /> }}
            columns={[
              { title: t('holiday.year'), dataIndex: 'year' },
              { title: t('policy.jurisdiction'), dataIndex: 'province', render: (p?: string) => p ?? '—' },
              {
                title: t('holiday.kind.holiday'),
                dataIndex: 'holidays',
                render: (d: string[]) => d.map((day) => <Tag key={day}>{day}</Tag>),
              },
              {
                title: t('holiday.kind.workday'),
                dataIndex: 'makeUpWorkdays',
                render: (d: string[]) => d.map((day) => <Tag key={day}>{day}</Tag>),
              },
              {
                title: t('holiday.source'),
                dataIndex: 'source',
                render: (s: HolidayYear['source']) => t(`holiday.source.${s}`),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}
