import { Alert } from 'antd';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/i18n';

/** An error as a whole: the API's message in the chosen language and its code; otherwise a network error. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { lang, t } = useI18n();
  if (!error) return null;
  const message = error instanceof ApiError ? error.messageIn(lang) : t('error.network');
  const violations = error instanceof ApiError ? (error.body.violations ?? []) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('error.title')}
      description={
        <div>
          <div>{message}</div>
          {violations.map((v) => (
            <div key={v.path + v.reason}>
              {t('error.field', { field: v.path })}：{lang === 'zh' ? v.reason : v.reasonEn}
            </div>
          ))}
          {error instanceof ApiError && <code className="error-code">{error.body.code}</code>}
        </div>
      }
    />
  );
}
