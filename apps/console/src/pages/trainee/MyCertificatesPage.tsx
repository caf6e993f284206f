// The trainee's certificates, laid out for a phone (GET /api/v1/my/certificates; the service answers the
// signed-in worker's own only): number, occupation and level, kind, issue date, status, and a link to the
// public verification page of the number (what the certificate's QR code opens); filtered by status and
// exported to .xlsx.
import { Card, Descriptions, Form, Select } from 'antd';
import { StatusTag } from '../../components/StatusTag';
import { zh, type MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { MobileCardList } from './MobileCardList';

interface MyCertificate {
  readonly certificateId: string;
  readonly certificateNumber: string;
  readonly occupationCode: string;
  readonly level: number;
  readonly kind: string;
  readonly issuedOn: string;
  readonly status: 'valid' | 'revoked';
  readonly verificationUrl: string;
}

export default function MyCertificatesPage() {
  const { t } = useI18n();
  const kindText = (kind: string) => {
    const key = `class.certificateKind.${kind}`;
    return key in zh ? t(key as MessageKey) : kind;
  };
  return (
    <MobileCardList<MyCertificate>
      caption={t('nav.myCertificates')}
      path="/api/v1/my/certificates"
      exportPath="/api/v1/my/certificates/export"
      rowKey="certificateId"
      filters={
        <Form.Item name="status" label={t('myCertificate.statusFilter')}>
          <Select
            allowClear
            placeholder={t('myCertificate.allStatuses')}
            options={[
              { value: 'valid', label: t('certificate.state.valid') },
              { value: 'revoked', label: t('certificate.state.revoked') },
            ]}
          />
        </Form.Item>
      }
      renderCard={(row) => (
        <Card size="small" title={kindText(row.kind)} data-testid="my-certificate" style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('myCertificate.number')}>
              <span style={{ wordBreak: 'break-all' }}>{row.certificateNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('myCertificate.occupation')}>
              {t('myTraining.levelOf', { occupation: row.occupationCode, level: row.level })}
            </Descriptions.Item>
            <Descriptions.Item label={t('myCertificate.issuedOn')}>{row.issuedOn}</Descriptions.Item>
            <Descriptions.Item label={t('myCertificate.status')}>
              <StatusTag tone={row.status === 'valid' ? 'green' : 'red'}>
                {t(`certificate.state.${row.status}`)}
              </StatusTag>
            </Descriptions.Item>
          </Descriptions>
          <a href={`/public/certificates/${encodeURIComponent(row.certificateNumber)}`}>
            {t('myCertificate.verify')}
          </a>
        </Card>
      )}
    />
  );
}
