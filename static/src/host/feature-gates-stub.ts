/**
 * Stands in for `@atlaskit/feature-gate-js-client` in the production bundle (vite.config.ts
 * alias). Atlaskit components ask Atlassian's Statsig-based client about internal experiments; in
 * a Forge app nobody initialises that client, so the real one answers "off" to every gate anyway.
 * This answers the same without shipping ~60 KB gzip of client code to every view.
 */
type Gates = Record<string, (...args: unknown[]) => unknown>;

const known: Gates = {
  checkGate: () => false,
  getExperimentValue: (_experiment, _parameter, defaultValue) => defaultValue,
  getExperimentValueWithExposureTrackingDisabled: (_experiment, _parameter, defaultValue) => defaultValue,
  initializeCalled: () => false,
  initializeCompleted: () => false,
  isGateExists: () => false,
  isExperimentExists: () => false,
};

// Any other method an Atlaskit version may call answers "nothing" instead of throwing.
const FeatureGates: Gates = new Proxy(known, {
  get: (target, key: string) => target[key] ?? (() => undefined),
});

export default FeatureGates;
