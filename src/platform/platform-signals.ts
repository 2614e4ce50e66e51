import { NeedsAuthenticationError } from '@forge/api';

/**
 * Errors the Forge platform acts on itself and that a resolver must let through: an `asUser()`
 * call the user has not consented to raises NeedsAuthenticationError, and the platform answers it
 * by asking the user for consent. Caught and turned into an error envelope, the user would only
 * see a failure. (The docs do not say what happens when an app catches it; rethrowing is right
 * under every reading.)
 * https://developer.atlassian.com/platform/forge/apis-reference/fetch-api-product.requestjira/
 */
export function isPlatformSignal(e: unknown): boolean {
  return e instanceof NeedsAuthenticationError;
}
