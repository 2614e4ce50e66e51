// Scheduled triggers: "tick now" (`tick(key)`) and, while `npm start` runs, real intervals.
// manifest-reference/modules/scheduled-trigger, function-reference/scheduled-trigger.
import type { AppManifest } from './manifest.js';
import type { AppIdentity, InvokeResult, Invoker } from './platform.js';

const INTERVAL_MS = { fiveMinute: 300_000, hour: 3_600_000, day: 86_400_000, week: 604_800_000 } as const;

export class Scheduler {
  private timers: NodeJS.Timeout[] = [];

  constructor(
    private readonly manifest: AppManifest,
    private readonly invoker: Invoker,
    private readonly identity: AppIdentity,
    private readonly installContext: () => { installContext: string },
  ) {}

  async tick(scheduledTriggerKey: string): Promise<InvokeResult> {
    const t = this.manifest.scheduledTriggers.find((s) => s.key === scheduledTriggerKey);
    if (!t) throw new Error(`manifest.yml has no scheduledTrigger '${scheduledTriggerKey}'`);
    const request = {
      context: { cloudId: this.identity.cloudId, moduleKey: t.key },
      contextToken: 'local-context-token',
      userAccess: { enabled: false },
    };
    return this.invoker.invoke({
      kind: 'scheduled',
      functionKey: t.function,
      moduleKey: t.key,
      cause: t.interval,
      args: [request, this.installContext()],
      timeoutSeconds: this.manifest.functions.get(t.function)?.timeoutSeconds,
    });
  }

  start(): void {
    for (const t of this.manifest.scheduledTriggers) {
      const timer = setInterval(() => void this.tick(t.key), INTERVAL_MS[t.interval]);
      timer.unref();
      this.timers.push(timer);
    }
  }

  close(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }
}
