/**
 * Atlassian design-system icons (`@atlaskit/icon`, core set), instead of emoji glyphs that turn
 * into boxes without an emoji font; one module per icon, so a view ships only the glyphs it draws.
 * The glyph files are CommonJS; imported from an ES module package ("type": "module") the bundler
 * hands over `module.exports` as the default, so each is unwrapped once (in tests and Atlaskit's own
 * imports the default is already the component).
 */
export function unwrap<T>(imported: T): T {
  const m = imported as unknown as { __esModule?: boolean; default?: T };
  return typeof m === 'object' && m !== null && m.__esModule === true && m.default !== undefined ? m.default : imported;
}
