// The institution directory without login (GET /api/v1/public/institutions, a page at a time): the listed
// institutions by jurisdiction (and below it), occupation and part of the name, each linked to its
// outcome scorecard; exported to .xlsx with the same filters. Legal-entity facts only: no person.
import { Form, Input } from 'antd';
import { useCallback } from 'react';
import { useSession } from '../../auth/session';
import { PagedList } from '../../components/PagedList';
import { zh, type MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';

interface PublicInstitution {
  readonly institutionId: string;
  readonly name: string;
  readonly creditCode: string;
  readonly type: string;
  readonly jurisdiction: string;
  readonly scope: readonly { occupationCode: string; levels: readonly number[] }[];
  readonly publicationBatch?: string;
  readonly listedOn?: string;
  readonly disqualifiedYears: readonly number[];
}

export const OCCUPATION_CODE = /^(\d-\d{2}-\d{2}-\d{2}|L-\d{4})$/;

export function InstitutionFilters() {
  const { t } = useI18n();
  return (
    <>
      <Form.Item
        name="jurisdiction"
        label={t('directory.jurisdiction')}
        rules={[{ pattern: /^\d{6}$/, message: t('ledger.jurisdictionInvalid') }]}
      >
        <Input style={{ width: 110 }} />
      </Form.Item>
      <Form.Item
        name="occupationCode"
        label={t('directory.occupation')}
        rules={[{ pattern: OCCUPATION_CODE, message: t('directory.occupationInvalid') }]}
      >
        <Input style={{ width: 130 }} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('directory.name')}
        rules={[{ max: 50, message: t('directory.nameTooLong') }]}
      >
        <Input style={{ width: 180 }} />
      </Form.Item>
    </>
  );
}

export default function InstitutionDirectoryPage() {
  const { t } = useI18n();
  const { api } = useSession();
  const typeText = (type: string) => {
    const key = `directory.type.${type}`;
    return key in zh ? t(key as MessageKey) : type;
  };
  const fetchPage = useCallback(
    (filters: Record<string, unknown>, page: number, pageSize: number) =>
      api.get<{ items: PublicInstitution[]; total: number }>('/api/v1/public/institutions', {
        ...(filters as Record<string, string>),
        page,
        pageSize,
      }),
    [api],
  );
  return (
    <PagedList<PublicInstitution>
      caption={t('nav.publicInstitutions')}
      rowKey="institutionId"
      fetchPage={fetchPage}
      exportPath="/api/v1/public/institutions/export"
      filters={<InstitutionFilters />}
      columns={[
        { title: t('directory.name'), dataIndex: 'name' },
        { title: t('directory.type'), key: 'type', render: (_: unknown, r) => typeText(r.type) },
        { title: t('directory.jurisdiction'), dataIndex: 'jurisdiction' },
        {
          title: t('directory.scope'),
          key: 'scope',
          render: (_: unknown, r) =>
            r.scope
              .map((s) => `${s.occupationCode}（${t('directory.levels', { levels: s.levels.join('/') })}）`)
              .join('；'),
        },
        { title: t('directory.creditCode'), dataIndex: 'creditCode' },
        { title: t('directory.listedOn'), dataIndex: 'listedOn' },
        {
          title: t('directory.disqualified'),
          key: 'dq',
          render: (_: unknown, r) => r.disqualifiedYears.join(', '),
        },
        {
          title: t('directory.scorecard'),
          key: 'scorecard',
          render: (_: unknown, r) => (
            <a href={`/public/scorecard?institutionId=${encodeURIComponent(r.institutionId)}`}>
              {t('directory.scorecard')}
            </a>
          ),
        },
      ]}
    />
  );
}
