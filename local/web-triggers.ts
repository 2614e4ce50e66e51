// Web triggers on local URLs (`/x1/<key>`), with Forge's request shape and its `dynamic` response.
// manifest-reference/modules/web-trigger, runtime-reference/web-trigger.
import { z } from 'zod';
import type { AppManifest } from './manifest.js';
import type { AppIdentity, Invoker } from './platform.js';

export interface WebRequest {
  method: string;
  path: string;
  headers: Record<string, string[]>;
  query: Record<string, string[]>;
  body: string;
}

export interface WebResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}

const ResponseShape = z.object({
  statusCode: z.number().int(),
  headers: z.record(z.string(), z.array(z.string())).optional(),
  body: z.string().optional(),
  statusText: z.string().optional(),
});

const text = (statusCode: number, body: string): WebResponse => ({
  statusCode,
  headers: { 'content-type': ['text/plain'] },
  body,
});

export class WebTriggers {
  constructor(
    private readonly manifest: AppManifest,
    private readonly invoker: Invoker,
    private readonly identity: AppIdentity,
    private readonly installContext: () => { installContext: string },
    private readonly baseUrl: () => string,
  ) {}

  url(key: string): string {
    return `${this.baseUrl()}/x1/${encodeURIComponent(key)}`;
  }

  /** Runs a web trigger with Forge's request shape; returns Forge's response shape. */
  async run(key: string, req: WebRequest): Promise<WebResponse> {
    const w = this.manifest.webTriggers.find((x) => x.key === key);
    if (!w) return text(404, 'Web trigger not found');
    const request = {
      method: req.method,
      path: req.path,
      headers: req.headers,
      queryParameters: req.query,
      body: req.body,
      context: { cloudId: this.identity.cloudId, moduleKey: key },
      contextToken: 'local-context-token',
    };
    const result = await this.invoker.invoke({
      kind: 'webtrigger',
      functionKey: w.function,
      moduleKey: key,
      cause: `${req.method} ${req.path}`,
      args: [request, this.installContext()],
    });
    if (result.timedOut) return text(504, 'The web trigger timed out (55 s).');
    if (!result.ok) return text(500, 'The web trigger failed.');
    if (w.response?.type !== 'dynamic') return { statusCode: 204, headers: {}, body: '' };
    const parsed = ResponseShape.safeParse(result.value);
    if (!parsed.success) return text(500, 'The web trigger returned an invalid response.');
    return { statusCode: parsed.data.statusCode, headers: parsed.data.headers ?? {}, body: parsed.data.body ?? '' };
  }
}
