// Sends a form and puts every failed rule of the answer next to its field at once; what names no field
// is returned to be shown above the form.
import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, fieldErrorsOf, isOnlyAboutFields } from '../api/errors';
import { useI18n } from '../i18n/i18n';

export function useApiForm<T>(form: FormInstance, send: (values: Record<string, unknown>) => Promise<T>) {
  const { lang } = useI18n();
  const [error, setError] = useState<unknown>();
  const [sending, setSending] = useState(false);
  const submit = useCallback(
    async (values: Record<string, unknown>): Promise<T | undefined> => {
      setSending(true);
      setError(undefined);
      try {
        return await send(values);
      } catch (caught) {
        if (caught instanceof ApiError) {
          const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
          const fields = fieldErrorsOf(caught, lang);
          const known = fields.filter((field) => registered.has(JSON.stringify(field.name)));
          form.setFields(known);
          // a field the form does not show (or a rule about the whole request) is shown above the form
          if (!isOnlyAboutFields(caught) || known.length < fields.length) setError(caught);
        } else setError(caught);
        return undefined;
      } finally {
        setSending(false);
      }
    },
    [form, lang, send],
  );
  return { submit, error, sending };
}
