// The development OIDC provider's HTTP face (JINENG_DEV_AUTH=enabled only): the discovery document, the
// authorization page (a small zh/en form choosing a demo user) and the token endpoint (form-encoded, as
// OAuth has it). Not routes of the API table: the page is HTML, the token endpoint reads a form and
// answers OAuth's own error shape. See auth/dev-oidc-provider.ts and ADR 0020.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_USERS } from '../auth/demo-users';
import {
  DEV_OIDC_AUTHORIZE_PATH,
  DEV_OIDC_TOKEN_PATH,
  OAuthError,
  OIDC_DISCOVERY_PATH,
  type AuthorizationRequest,
  type DevOidcProvider,
} from '../auth/dev-oidc-provider';
import { withStyleNonce } from './console-static';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

const FORM_LIMIT_BYTES = 16 * 1024;

/** The origin the browser reached the gateway at: its Host, and the scheme (a trusted proxy's too). */
export function requestOrigin(req: IncomingMessage, trustProxyHops: number): string {
  const forwarded = trustProxyHops > 0 ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0] : '';
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const scheme = forwarded.trim() || (encrypted ? 'https' : 'http');
  return `${scheme}://${req.headers.host ?? 'localhost'}`;
}

export function devOidc(
  provider: DevOidcProvider,
  { trustProxyHops }: { trustProxyHops: number },
): Middleware {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    const origin = requestOrigin(req, trustProxyHops);
    const route = `${req.method} ${url.pathname}`;
    const handle = async (): Promise<void> => {
      switch (route) {
        case `GET ${OIDC_DISCOVERY_PATH}`:
          return json(res, 200, provider.configuration(origin));
        case `GET ${DEV_OIDC_AUTHORIZE_PATH}`:
          return authorizationPage(provider, res, url.searchParams, origin);
        case `POST ${DEV_OIDC_AUTHORIZE_PATH}`:
          return chosen(provider, res, await readForm(req), origin);
        case `POST ${DEV_OIDC_TOKEN_PATH}`: {
          try {
            if (!isForm(req))
              throw new OAuthError('invalid_request', 'the body must be application/x-www-form-urlencoded');
            res.setHeader('Pragma', 'no-cache');
            return json(res, 200, await provider.exchange(await readForm(req)));
          } catch (error) {
            if (error instanceof OAuthError)
              return json(res, error.status, { error: error.error, error_description: error.description });
            throw error;
          }
        }
        default:
          return next();
      }
    };
    handle().catch(next);
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

const isForm = (req: IncomingMessage) =>
  String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  if (!isForm(req)) return new URLSearchParams();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT_BYTES) throw new OAuthError('invalid_request', 'the form is too large', 413);
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function requestOf(params: URLSearchParams): AuthorizationRequest {
  const value = (name: string) => params.get(name) ?? '';
  return {
    clientId: value('client_id'),
    redirectUri: value('redirect_uri'),
    responseType: value('response_type'),
    state: value('state'),
    codeChallenge: value('code_challenge'),
    codeChallengeMethod: value('code_challenge_method'),
    scope: value('scope'),
    ...(params.get('nonce') ? { nonce: value('nonce') } : {}),
  };
}

/** An error back to the client at its (already checked) redirect URI, with its state. */
function redirectWithError(res: ServerResponse, request: AuthorizationRequest, error: OAuthError): void {
  const target = new URL(request.redirectUri);
  target.searchParams.set('error', error.error);
  target.searchParams.set('error_description', error.description);
  if (request.state) target.searchParams.set('state', request.state);
  redirect(res, target);
}

function redirect(res: ServerResponse, target: URL): void {
  res.statusCode = 303;
  res.setHeader('Location', target.toString());
  res.setHeader('Cache-Control', 'no-store');
  res.end();
}

function authorizationPage(
  provider: DevOidcProvider,
  res: ServerResponse,
  params: URLSearchParams,
  origin: string,
): void {
  const lang = langOf(params);
  const request = requestOf(params);
  try {
    provider.checkClient(request, origin);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return page(res, error.status, lang, errorBody(lang, error));
  }
  try {
    provider.checkRequest(request);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return redirectWithError(res, request, error);
  }
  return page(res, 200, lang, chooserBody(lang, params));
}

function chosen(provider: DevOidcProvider, res: ServerResponse, form: URLSearchParams, origin: string): void {
  const lang = langOf(form);
  const request = requestOf(form);
  try {
    provider.checkClient(request, origin);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return page(res, error.status, lang, errorBody(lang, error));
  }
  const user = form.get('user') ?? '';
  if (!DEMO_USERS.some((demo) => demo.user === user)) {
    // no choice made: the page again, saying so (the form needs one; a browser without it lands here)
    const params = new URLSearchParams(form);
    params.delete('user');
    return page(res, 400, lang, chooserBody(lang, params, true));
  }
  try {
    const code = provider.authorize(request, origin, user);
    const target = new URL(request.redirectUri);
    target.searchParams.set('code', code);
    target.searchParams.set('state', request.state);
    redirect(res, target);
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    redirectWithError(res, request, error);
  }
}

// ---- the page ------------------------------------------------------------------------------------

type Lang = 'zh' | 'en';

/** the page's own toggle (`lang`), else OIDC's `ui_locales` as the client asked; Chinese first */
function langOf(params: URLSearchParams): Lang {
  const asked = params.get('lang') ?? (params.get('ui_locales') ?? '').split(' ')[0] ?? '';
  return asked.startsWith('en') ? 'en' : 'zh';
}

const TEXT = {
  zh: {
    htmlLang: 'zh-CN',
    title: '开发环境登录',
    product: '技能培训补贴管理平台',
    intro: '开发环境签发方（仅用于开发与演示）：选择一个演示用户登录，每个角色一个。',
    legend: '演示用户',
    submit: '登录',
    missing: '请选择一个演示用户。',
    otherLanguage: 'English',
    otherLanguageLabel: '切换到英文',
    refused: '登录请求被拒绝',
  },
  en: {
    htmlLang: 'en',
    title: 'Development sign-in',
    product: 'Skills Training Subsidy Platform',
    intro: 'The development issuer (development and demos only): sign in as a demo user, one per role.',
    legend: 'Demo user',
    submit: 'Sign in',
    missing: 'Choose a demo user.',
    otherLanguage: '中文',
    otherLanguageLabel: 'Switch to Chinese',
    refused: 'The sign-in request was refused',
  },
} as const;

/** the role names the console shows (its dictionary's role.*) */
const ROLE_NAMES: Record<string, { zh: string; en: string }> = {
  worker: { zh: '劳动者', en: 'Worker' },
  institution: { zh: '培训机构经办人', en: 'Institution clerk' },
  enterprise: { zh: '企业经办人', en: 'Enterprise clerk' },
  county_officer: { zh: '县级经办人员', en: 'County officer' },
  city_approver: { zh: '市级复核审批人员', en: 'City approver' },
  finance_officer: { zh: '财政专户管理人员', en: 'Finance officer' },
  auditor: { zh: '审计人员', en: 'Auditor' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const PASSED_ON = [
  'client_id',
  'redirect_uri',
  'response_type',
  'state',
  'code_challenge',
  'code_challenge_method',
  'scope',
  'nonce',
];

function chooserBody(lang: Lang, params: URLSearchParams, missing = false): string {
  const text = TEXT[lang];
  const hidden = PASSED_ON.filter((name) => params.has(name))
    .map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(params.get(name) ?? '')}">`)
    .join('\n      ');
  const other = new URLSearchParams(params);
  other.set('lang', lang === 'zh' ? 'en' : 'zh');
  const users = DEMO_USERS.map((demo) => {
    const role = ROLE_NAMES[demo.user]?.[lang] ?? demo.user;
    const name = lang === 'zh' ? demo.displayName : demo.displayNameEn;
    const id = `user-${demo.user}`;
    return `<div class="choice"><input type="radio" id="${id}" name="user" value="${demo.user}" required><label for="${id}">${escapeHtml(`${role} · ${name}`)}</label></div>`;
  }).join('\n        ');
  return `<header>
    <p class="product">${text.product}</p>
    <a href="${DEV_OIDC_AUTHORIZE_PATH}?${escapeHtml(other.toString())}" lang="${lang === 'zh' ? 'en' : 'zh-CN'}" title="${text.otherLanguageLabel}">${text.otherLanguage}</a>
  </header>
  <main>
    <h1>${text.title}</h1>
    <p>${text.intro}</p>
    ${missing ? `<p role="alert" class="error">${text.missing}</p>` : ''}
    <form method="post" action="${DEV_OIDC_AUTHORIZE_PATH}">
      ${hidden}
      <input type="hidden" name="lang" value="${lang}">
      <fieldset>
        <legend>${text.legend}</legend>
        ${users}
      </fieldset>
      <button type="submit">${text.submit}</button>
    </form>
  </main>`;
}

function errorBody(lang: Lang, error: OAuthError): string {
  const text = TEXT[lang];
  return `<main>
    <h1>${text.refused}</h1>
    <p role="alert" class="error"><code>${escapeHtml(error.error)}</code>: ${escapeHtml(error.description)}</p>
  </main>`;
}

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f}
header{display:flex;justify-content:space-between;align-items:center}
.product{font-weight:600;margin:0}
a{color:#0958d9}
fieldset{border:1px solid #bfbfbf;border-radius:6px;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.choice{padding:.35rem 0}
.choice label{margin-left:.4rem}
button{margin-top:1rem;width:100%;padding:.6rem;font-size:1rem;color:#fff;background:#0958d9;border:0;border-radius:6px;cursor:pointer}
button:hover,button:focus{background:#003eb3}
.error{color:#cf1322}`;

function page(res: ServerResponse, status: number, lang: Lang, body: string): void {
  const nonce = randomBytes(16).toString('base64');
  const policy = res.getHeader('Content-Security-Policy');
  if (typeof policy === 'string') res.setHeader('Content-Security-Policy', withStyleNonce(policy, nonce));
  const html = `<!doctype html>
<html lang="${TEXT[lang].htmlLang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${TEXT[lang].title} · ${TEXT[lang].product}</title>
  <style nonce="${nonce}">${STYLE}</style>
</head>
<body>
  ${body}
</body>
</html>`;
  const bytes = Buffer.from(html, 'utf8');
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
