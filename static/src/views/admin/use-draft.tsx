import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useMessages } from '../../i18n/messages';
import { Notice } from '../../ui/notice';
import { useAdminT } from './admin-messages';
import { type Problems, mergeProblems, NO_PROBLEMS, validate } from './problems';

/** The first control in error, in the order a keyboard reaches them (a picker: its first box). */
export function focusFirstError(form: HTMLElement | null): void {
  const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
  if (invalid === null || invalid === undefined) return;
  const control = invalid.matches('input, textarea, select, button')
    ? invalid
    : invalid.querySelector<HTMLElement>('input, textarea, select, button');
  control?.focus();
}

/**
 * An editor's draft checked on every edit with the schema the server uses. Messages appear once the
 * admin has changed something or tried to save, not on an untouched form; server messages win.
 * A refused save (here or by the server) moves focus to the first field in error.
 */
export function useDraft<T extends object>(schema: z.ZodType<T>, initial: T, serverProblems: Problems) {
  const t = useAdminT();
  const { locale } = useMessages();
  const [draft, setDraft] = useState<T>(initial);
  const [touched, setTouched] = useState(false);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const checked = validate(schema, draft, t, locale);
  const problems = mergeProblems(touched ? checked.problems : NO_PROBLEMS, serverProblems);

  useEffect(() => {
    if (refusals > 0) focusFirstError(formRef.current);
  }, [refusals]);
  useEffect(() => {
    if (serverProblems.size > 0) focusFirstError(formRef.current);
  }, [serverProblems]);

  function update(patch: Partial<T>) {
    setTouched(true);
    setDraft((d) => ({ ...d, ...patch }));
  }
  /** Saves the checked value, or shows every message when the draft is not valid yet. */
  function submit(onSave: (value: T) => void) {
    setTouched(true);
    if (checked.value !== null) onSave(checked.value);
    else setRefusals((n) => n + 1);
  }
  const err = (field: string) => problems.get(field);
  const blocked = touched ? (checked.value === null ? checked.problems.size : serverProblems.size) : 0;
  return { draft, update, submit, problems, err, blocked, refusals, formRef };
}

/**
 * Says why the save did not happen, under the form (each message also sits by its field). An alert,
 * rendered anew on each refused save, so a screen reader says it even when it was already shown.
 */
export function DraftProblemsNotice({ count, refusals }: { count: number; refusals: number }) {
  const t = useAdminT();
  if (count === 0) return null;
  return (
    <div role="alert" key={refusals}>
      <Notice appearance="warning" title={t('draft.fix')}>
        <p>{t('draft.count', { count })}</p>
      </Notice>
    </div>
  );
}
