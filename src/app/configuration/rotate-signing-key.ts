/**
 * Rotating the one-click signing key (admin only, audited). The new key signs from now on; the
 * previous one keeps verifying, so links already e-mailed still work until their ask expires.
 * A second rotation retires the key before the previous one. The secret is drawn by the adapter
 * and never passes through app code or the audit log.
 */
import type { AppPorts } from '../ports';

export interface RotationResult {
  readonly keyId: string;
  readonly previousKeyId: string | null;
  readonly rotatedAt: number;
}

export async function rotateSigningKey(ports: AppPorts, actorId: string): Promise<RotationResult> {
  const keys = await ports.secrets.rotateSigningKey();
  const now = ports.clock.now();
  await ports.audit.appendAudit({
    id: `${now}-${ports.random.id()}`,
    at: now,
    actorId,
    action: 'secret-rotated',
    target: 'one-click-signing-key',
    summary: `One-click signing key rotated (${keys.previous?.id ?? 'none'} → ${keys.current.id}); the previous key still verifies`,
  });
  return { keyId: keys.current.id, previousKeyId: keys.previous?.id ?? null, rotatedAt: now };
}
