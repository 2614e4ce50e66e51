import type { z } from 'zod';

/** One resolver function: its name and the schemas of what crosses the bridge each way. */
export interface ResolverContract<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly payload: P;
  readonly response: R;
}

export function resolverContract<P extends z.ZodType, R extends z.ZodType>(
  name: string,
  payload: P,
  response: R,
): ResolverContract<P, R> {
  return { name, payload, response };
}

export type PayloadOf<C> = C extends ResolverContract<infer P, z.ZodType> ? z.input<P> : never;
export type ResponseOf<C> = C extends ResolverContract<z.ZodType, infer R> ? z.output<R> : never;
