// Where the OIDC provider sends the browser back (/auth/callback?code=…&state=…): the state checked, the
// code exchanged for the token (auth/oidc.ts), then the home page — the callback replaced in the history,
// so Back never replays a spent code. A refusal is shown with a way to sign in again.
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { SignInRefused } from '../auth/oidc';
import { useSession } from '../auth/session';
import { SignInFrame } from '../components/SignInFrame';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../shell/router';

/** one exchange per answer, even when React runs the effect twice (development's strict mode) */
const exchanges = new Map<string, Promise<void>>();

export function SignInCallbackPage({ languageToggle }: { languageToggle: ReactNode }) {
  const { t } = useI18n();
  const { completeSignIn } = useSession();
  const { navigate } = useRouter();
  const [refused, setRefused] = useState<unknown>();

  useEffect(() => {
    const search = window.location.search;
    let exchange = exchanges.get(search);
    if (!exchange) {
      exchange = completeSignIn(search);
      exchanges.set(search, exchange);
      // to the home page even though this page is gone by then (the shell waits for GET /me meanwhile)
      exchange.then(
        () => navigate('/', { replace: true }),
        () => undefined,
      );
    }
    let current = true;
    exchange.catch((caught: unknown) => current && setRefused(caught));
    return () => {
      current = false;
    };
  }, [completeSignIn, navigate]);

  const detail =
    refused instanceof SignInRefused
      ? refused.reason === 'state'
        ? t('signIn.refused.state')
        : t(refused.reason === 'provider' ? 'signIn.refused.provider' : 'signIn.refused.exchange', {
            detail: refused.message,
          })
      : refused
        ? t('error.network')
        : undefined;

  return (
    <SignInFrame languageToggle={languageToggle}>
      {detail === undefined ? (
        <Space>
          <Spin />
          <Typography.Text>{t('signIn.completing')}</Typography.Text>
        </Space>
      ) : (
        <>
          <Alert type="error" showIcon role="alert" title={t('signIn.refused')} description={detail} />
          <Button type="primary" block onClick={() => navigate('/', { replace: true })}>
            {t('signIn.again')}
          </Button>
        </>
      )}
    </SignInFrame>
  );
}
