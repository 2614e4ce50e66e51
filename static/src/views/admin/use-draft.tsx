import { useState } from 'react';
import type { z } from 'zod';
import { Notice } from '../../ui/notice';
import { type Problems, mergeProblems, NO_PROBLEMS, validate } from './problems';

/**
 * An editor's draft checked on every edit with the schema the server uses. Messages appear once the
 * admin has changed something or tried to save, not on an untouched form; server messages win.
 */
export function useDraft<T extends object>(schema: z.ZodType<T>, initial: T, serverProblems: Problems) {
  const [draft, setDraft] = useState<T>(initial);
  const [touched, setTouched] = useState(false);
  const checked = validate(schema, draft);
  const problems = mergeProblems(touched ? checked.problems : NO_PROBLEMS, serverProblems);

  function update(patch: Partial<T>) {
    setTouched(true);
    setDraft((d) => ({ ...d, ...patch }));
  }
  /** Saves the checked value, or shows every message when the draft is not valid yet. */
  function submit(onSave: (value: T) => void) {
    setTouched(true);
    if (checked.value !== null) onSave(checked.value);
  }
  const err = (field: string) => problems.get(field);
  const blocked = touched && checked.value === null ? checked.problems.size : 0;
  return { draft, update, submit, problems, err, blocked };
}

/** Says why the save did not happen, under the form (each message also sits by its field). */
export function DraftProblemsNotice({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Notice appearance="warning" title="Fix the highlighted fields to save">
      <p>{count === 1 ? '1 field needs attention.' : `${count} fields need attention.`}</p>
    </Notice>
  );
}
