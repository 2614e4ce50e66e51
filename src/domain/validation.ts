import type { z } from 'zod';

/** A refused value, named by the path of the field that is wrong (`indicators[0].floor`). */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function fieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issue.message }));
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** Parses untrusted configuration; a refusal lists every wrong field with its name. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: fieldProblems(result.error) };
}

export function describeProblems(problems: ReadonlyArray<FieldProblem>): string {
  return problems.map((p) => `${p.field}: ${p.message}`).join('; ');
}
