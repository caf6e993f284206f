// Anyone checks a certificate number without login (GET /api/v1/public/certificates/:number): valid,
// revoked (and when) or unknown, with the holder's name as the registry masks it. The number in the page's
// path (/public/certificates/<number>) is verified on opening.
import { Alert, Button, Descriptions, Form, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSession } from '../../auth/session';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusTag } from '../../components/StatusTag';
import { useI18n } from '../../i18n/i18n';
import { useRouter } from '../../shell/router';

interface CertificateVerification {
  readonly certificateNumber: string;
  readonly status: 'valid' | 'revoked' | 'unknown';
  readonly holderNameMasked?: string;
  readonly occupationCode?: string;
  readonly levelName?: string;
  readonly kindName?: string;
  readonly issuedOn?: string;
  readonly issuer?: string;
  readonly revokedOn?: string;
}

const NUMBER = /^[0-9A-Za-z]{1,64}$/;
const TONE = { valid: 'green', revoked: 'red', unknown: 'orange' } as const;

export default function CertificateVerificationPage({ params }: { params: Record<string, string> }) {
  const { t } = useI18n();
  const { api } = useSession();
  const { navigate } = useRouter();
  const number = params.certificateNumber;
  const [answer, setAnswer] = useState<CertificateVerification>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setAnswer(undefined);
    setError(undefined);
    if (!number || !NUMBER.test(number)) return;
    let live = true;
    api.get<CertificateVerification>(`/api/v1/public/certificates/${encodeURIComponent(number)}`).then(
      (found) => live && setAnswer(found),
      (caught: unknown) => live && setError(caught),
    );
    return () => {
      live = false;
    };
  }, [api, number]);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 640 }}>
      <Form
        layout="vertical"
        name="certificate"
        initialValues={{ certificateNumber: number }}
        onFinish={(values: { certificateNumber: string }) =>
          navigate(`/public/certificates/${encodeURIComponent(values.certificateNumber.trim())}`)
        }
      >
        <Form.Item
          name="certificateNumber"
          label={t('certificate.number')}
          rules={[
            { required: true, message: t('common.required', { field: t('certificate.number') }) },
            { pattern: NUMBER, message: t('certificate.numberInvalid') },
          ]}
        >
          <Input />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('certificate.verify')}
        </Button>
      </Form>
      <ErrorAlert error={error} />
      {answer && (
        <>
          <Alert
            role="status"
            showIcon
            type={answer.status === 'valid' ? 'success' : answer.status === 'revoked' ? 'error' : 'warning'}
            title={t(`certificate.status.${answer.status}`, { number: answer.certificateNumber })}
          />
          {answer.status !== 'unknown' && (
            <Descriptions bordered size="small" column={1} data-testid="certificate-verification">
              <Descriptions.Item label={t('certificate.status')}>
                <StatusTag tone={TONE[answer.status]}>{t(`certificate.state.${answer.status}`)}</StatusTag>
              </Descriptions.Item>
              <Descriptions.Item label={t('certificate.holder')}>
                {answer.holderNameMasked ?? ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificate.kind')}>{answer.kindName ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('certificate.occupation')}>
                {`${answer.occupationCode ?? ''} ${answer.levelName ?? ''}`}
              </Descriptions.Item>
              <Descriptions.Item label={t('certificate.issuedOn')}>{answer.issuedOn ?? ''}</Descriptions.Item>
              <Descriptions.Item label={t('certificate.issuer')}>{answer.issuer ?? ''}</Descriptions.Item>
              {answer.revokedOn && (
                <Descriptions.Item label={t('certificate.revokedOn')}>{answer.revokedOn}</Descriptions.Item>
              )}
            </Descriptions>
          )}
        </>
      )}
    </Space>
  );
}
