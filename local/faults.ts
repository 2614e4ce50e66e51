// Seeded fault injection at the wire boundary, for reliability tests: the app sees exactly what the
// platform would send (a 429 with Retry-After, a 5xx, or a call that never answers in time).

export type FaultTarget = 'kvs' | 'jira' | 'queue';
export type FaultKind = 429 | 500 | 503 | 'timeout';

export interface FaultRule {
  target: FaultTarget;
  kind: FaultKind;
  /** Probability in [0, 1] that a matching call fails. */
  rate: number;
  /** Only calls whose path contains this string. */
  pathIncludes?: string;
}

export interface FaultDecision {
  kind: FaultKind;
}

/** Small deterministic PRNG (mulberry32) so a seeded run fails the same calls every time. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private random: () => number = prng(1);
  injected = 0;

  set(rules: FaultRule[], seed = 1): void {
    this.rules = rules;
    this.random = prng(seed);
    this.injected = 0;
  }

  clear(): void {
    this.rules = [];
  }

  decide(target: FaultTarget, path: string): FaultDecision | undefined {
    for (const rule of this.rules) {
      if (rule.target !== target) continue;
      if (rule.pathIncludes !== undefined && !path.includes(rule.pathIncludes)) continue;
      if (this.random() < rule.rate) {
        this.injected += 1;
        return { kind: rule.kind };
      }
    }
    return undefined;
  }
}
