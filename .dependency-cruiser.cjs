/**
 * Import rules checked by `npm run lint` (dependency-cruiser). Type-only imports count: a circle
 * of types is still a circle a reader has to hold in their head.
 *
 * `CHECKED` is every folder with code: the app (src), the local host (local) and the Custom UI
 * (static). `DEPS_CHECKED=src npm run lint:deps` checks one folder alone.
 */
const CHECKED = process.env.DEPS_CHECKED?.split(',') ?? ['src', 'local', 'static'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import circle: split the shared part out, or let one side depend on the other only.',
      from: { path: `^(${CHECKED.join('|')})/` },
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-glance)/' },
  },
};
