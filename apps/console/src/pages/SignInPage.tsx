// Sign-in through the OIDC provider the gateway names (GET /api/v1/console-config): one button, off to
// the provider's page with the authorization code + PKCE (auth/oidc.ts); on a development platform that
// page is the development issuer's, listing one demo user per role. Where no provider is configured the
// page says so; the public pages need no sign-in.
import { Alert, Button, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { beginSignIn, CALLBACK_PATH, signInConfig, type SignInConfig } from '../auth/oidc';
import { ErrorAlert } from '../components/ErrorAlert';
import { SignInFrame } from '../components/SignInFrame';
import { useI18n } from '../i18n/i18n';
import { useRouter } from '../shell/router';

// asked for as soon as this module loads: the request runs while the page first renders
if (
  typeof fetch === 'function' &&
  typeof window !== 'undefined' &&
  !window.location.pathname.startsWith('/public') &&
  window.location.pathname !== CALLBACK_PATH
)
  void signInConfig().catch(() => undefined);

export function SignInPage({ languageToggle }: { languageToggle: ReactNode }) {
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const [config, setConfig] = useState<SignInConfig | null>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // the first page is usable once it knows where to sign in: a mark the browser test reads (performance API)
  useEffect(() => {
    if (config !== undefined && performance.getEntriesByName('jineng:interactive').length === 0)
      performance.mark('jineng:interactive');
  }, [config]);

  useEffect(() => {
    let current = true;
    signInConfig().then(
      (answer) => current && setConfig(answer),
      (caught: unknown) => current && (setError(caught), setConfig(null)),
    );
    return () => {
      current = false;
    };
  }, []);

  return (
    <SignInFrame languageToggle={languageToggle}>
      <Typography.Title level={3}>{t('signIn.title')}</Typography.Title>
      {config === null && !error && <Alert type="info" title={t('signIn.noSignIn')} />}
      <ErrorAlert error={error} />
      {config !== null && (
        <>
          <Typography.Paragraph>{t('signIn.intro')}</Typography.Paragraph>
          <Button
            type="primary"
            block
            loading={config === undefined || busy}
            onClick={async () => {
              if (!config) return;
              setBusy(true);
              setError(undefined);
              try {
                await beginSignIn(config, lang);
              } catch (caught) {
                setError(caught);
                setBusy(false);
              }
            }}
          >
            {t('signIn.submit')}
          </Button>
        </>
      )}
      {/* console-money: the public pages need no sign-in */}
      <Button type="link" onClick={() => navigate('/public/notices')}>
        {t('signIn.publicPages')}
      </Button>
    </SignInFrame>
  );
}
