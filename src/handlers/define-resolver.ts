/**
 * The one wrapper every resolver goes through: validate the payload with the contract's schema,
 * take identity and the issue/project from the Forge context (never from the payload), call the
 * use case, and answer the envelope of src/contracts/envelope.ts. Errors are mapped to stable
 * codes; a raw message or stack never reaches the browser.
 * https://developer.atlassian.com/platform/forge/runtime-reference/custom-ui-resolver/
 */
import Resolver from '@forge/resolver';
import { z } from 'zod';
import type { Envelope, ErrorBody, ErrorCode } from '../contracts/envelope';
import type { ResolverContract } from '../contracts/resolver';
import { fieldProblems } from '../domain/validation';
import { AppError, type AppErrorCode } from '../app/errors';
import { isPlatformSignal } from '../platform/platform-signals';

/** Each kind of use-case failure answers its own stable envelope code. */
const ENVELOPE_CODE: Record<AppErrorCode, ErrorCode> = {
  validation: 'validation',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  conflict: 'conflict',
  refused: 'refused',
  unavailable: 'unavailable',
  internal: 'internal',
};

const IdLike = z.union([z.string().min(1), z.number().int().transform(String)]);

/** The parts of the Forge resolver context the app relies on. */
const ContextSchema = z.looseObject({
  accountId: z.string().min(1).optional(),
  extension: z
    .looseObject({
      issue: z.looseObject({ id: IdLike.optional(), key: z.string().optional() }).optional(),
      project: z.looseObject({ id: IdLike.optional(), key: z.string().optional() }).optional(),
      request: z.looseObject({ key: z.string().optional(), id: IdLike.optional() }).optional(),
    })
    .optional(),
});

export interface CallContext {
  readonly accountId: string;
  readonly issueId: string | null;
  readonly projectId: string | null;
}

export type ResolverHandler<P, R> = (payload: P, context: CallContext) => Promise<R>;

export interface DefinedResolver {
  readonly name: string;
  readonly run: (request: { payload?: unknown; context?: unknown }) => Promise<Envelope<unknown>>;
}

function errorBody(e: unknown): ErrorBody {
  if (e instanceof AppError) {
    return {
      code: ENVELOPE_CODE[e.code],
      message: e.message,
      ...(e.details.fields ? { fields: [...e.details.fields] } : {}),
      ...(e.details.reason ? { reason: e.details.reason } : {}),
    };
  }
  // Unknown failures are logged for the developer console, not shown to the user.
  console.error('resolver failed', e);
  return { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
}

export function defineResolver<P extends z.ZodType, R extends z.ZodType>(
  contract: ResolverContract<P, R>,
  handler: ResolverHandler<z.output<P>, z.input<R>>,
): DefinedResolver {
  return {
    name: contract.name,
    async run(request) {
      const context = ContextSchema.safeParse(request.context ?? {});
      const accountId = context.success ? context.data.accountId : undefined;
      if (!context.success || accountId === undefined) {
        return { ok: false, error: { code: 'forbidden', message: 'Sign in to use Sentio.' } };
      }
      const payload = contract.payload.safeParse(request.payload ?? {});
      if (!payload.success) {
        return {
          ok: false,
          error: { code: 'validation', message: 'The request is not valid.', fields: fieldProblems(payload.error) },
        };
      }
      const ext = context.data.extension;
      const call: CallContext = {
        accountId,
        issueId: ext?.issue?.id ?? ext?.request?.id ?? ext?.issue?.key ?? ext?.request?.key ?? null,
        projectId: ext?.project?.id ?? ext?.project?.key ?? null,
      };
      try {
        const result = await handler(payload.data, call);
        const checked = contract.response.safeParse(result);
        if (!checked.success)
          return { ok: false, error: errorBody(new Error(`response of ${contract.name} broke its contract`)) };
        return { ok: true, data: checked.data };
      } catch (e) {
        if (isPlatformSignal(e)) throw e;
        return { ok: false, error: errorBody(e) };
      }
    },
  };
}

const FunctionKeySchema = z.looseObject({ call: z.looseObject({ functionKey: z.string() }) });

/**
 * One Forge resolver function per surface, from its defined resolvers. `@forge/resolver` finds a
 * function with `key in object`, so "constructor" or "toString" would reach Object.prototype
 * (the constructor echoes the whole request back); only names defined here are called.
 */
export function resolverOf(defined: readonly DefinedResolver[]) {
  const resolver = new Resolver();
  for (const d of defined) resolver.define(d.name, (req) => d.run({ payload: req.payload, context: req.context }));
  const definitions = resolver.getDefinitions();
  const names = new Set(defined.map((d) => d.name));
  return async (...args: Parameters<typeof definitions>): Promise<unknown> => {
    const request = FunctionKeySchema.safeParse(args[0]);
    if (!request.success || !names.has(request.data.call.functionKey))
      return {
        ok: false,
        error: { code: 'not-found', message: 'There is no such function.' },
      } satisfies Envelope<never>;
    return definitions(...args);
  };
}

export function requireIssue(context: CallContext): string {
  if (context.issueId === null) throw new AppError('validation', 'Open Sentio from an issue.');
  return context.issueId;
}

export function requireProject(context: CallContext): string {
  if (context.projectId === null) throw new AppError('validation', 'Open Sentio from a project.');
  return context.projectId;
}
