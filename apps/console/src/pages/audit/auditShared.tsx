// What the auditor's screens share: the id check the API applies (a UUID), a time typed in the form as
// the API's date-time in Beijing time, links to an id's timeline and to a claim's explanation, and an
// event's facts as label/value pairs (money as ¥ with two decimals from integer fen).
import { Button, Typography } from 'antd';
import type { ReactNode } from 'react';
import { zh, type MessageKey } from '../../i18n/dictionary';
import { useI18n } from '../../i18n/i18n';
import { formatFen } from '../../money';
import { useRouter } from '../../shell/router';

export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const JURISDICTION = /^\d{6}$/;

/** an id pasted with spaces around it is the id */
export const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/** `2019-08-30T12:00` (a datetime-local input) → `2019-08-30T12:00:00+08:00`; undefined when empty */
export function beijingDateTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  const full = value.length === 16 ? `${value}:00` : value;
  return /[+-]\d{2}:\d{2}$|Z$/.test(full) ? full : `${full}+08:00`;
}

/** an id opening its timeline (every event naming it) */
export function TimelineLink({ id, children }: { id: string; children?: ReactNode }) {
  const { navigate } = useRouter();
  const href = `/audit/timeline/${encodeURIComponent(id)}`;
  return (
    <Typography.Link
      href={href}
      onClick={(event) => {
        event.preventDefault();
        navigate(href);
      }}
    >
      <code>{children ?? id}</code>
    </Typography.Link>
  );
}

/** a button opening the explanation of a claim or a payment */
export function ExplainButton({ kind, id }: { kind: 'claim' | 'payment'; id: string }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  return (
    <Button size="small" onClick={() => navigate(`/audit/explain/${kind}/${id}`)}>
      {t('audit.openExplanation')}
    </Button>
  );
}

/** the dictionary's text for `key` when it has one (a status the console knows), else the value as it is */
export function textOr(t: (key: MessageKey) => string, key: string, fallback: string): string {
  return key in zh ? t(key as MessageKey) : fallback;
}

const factKey = (key: string): MessageKey | undefined => {
  const candidate = `audit.fact.${key}`;
  return candidate in zh ? (candidate as MessageKey) : undefined;
};

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

function FactValue({ name, value }: { name: string; value: unknown }) {
  const { lang, t } = useI18n();
  // a fund source and a ledger movement by their names
  if (name === 'fundSource' && typeof value === 'string')
    return <>{textOr(t, `fundSource.${value}`, value)}</>;
  if (name === 'movement' && typeof value === 'string')
    return <>{textOr(t, `audit.movement.${value}`, value)}</>;
  if (/Fen$/.test(name) && (typeof value === 'number' || typeof value === 'string') && value !== '')
    return <>{formatFen(value)}</>;
  if (isUuid(value)) return <TimelineLink id={value} />;
  if (name === 'clauses' && Array.isArray(value))
    return (
      <>
        {value.map((clause: { parameter?: string; quotes?: unknown }, i) => (
          <div key={i}>
            <code>{clause.parameter}</code>{' '}
            {Array.isArray(clause.quotes)
              ? clause.quotes.map((quote) => `「${String(quote)}」`).join(lang === 'zh' ? '，' : ', ')
              : ''}
          </div>
        ))}
      </>
    );
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object'))
    return (
      <>
        {value.map((v, i) => (
          <span key={i}>
            {i > 0 ? ', ' : ''}
            {isUuid(v) ? <TimelineLink id={v} /> : String(v)}
          </span>
        ))}
      </>
    );
  if (value !== null && typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  return <>{String(value)}</>;
}

/** an event's facts as "label：value" lines; known names in the chosen language, others as they are */
export function Facts({ facts }: { facts: Readonly<Record<string, unknown>> }) {
  const { t } = useI18n();
  return (
    <dl className="audit-facts" style={{ margin: 0 }}>
      {Object.entries(facts)
        .filter(([, value]) => value !== undefined && value !== null && value !== '')
        .map(([name, value]) => {
          const key = factKey(name);
          return (
            <div key={name} style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
              <dt style={{ color: 'rgba(0,0,0,0.65)' }}>{key ? t(key) : name}：</dt>
              <dd style={{ margin: 0 }}>
                <FactValue name={name} value={value} />
              </dd>
            </div>
          );
        })}
    </dl>
  );
}
