/**
 * Import rules checked by `npm run lint` (dependency-cruiser). Type-only imports count: a circle
 * of types is still a circle a reader has to hold in their head.
 *
 * `CHECKED` is where the rules apply today; `npm run lint:deps` reads src, local and static, so
 * local/ and static/ join by adding them here once their own circles are gone. To see a folder's
 * circles before that: `DEPS_CHECKED=local npm run lint:deps`.
 */
const CHECKED = process.env.DEPS_CHECKED?.split(',') ?? ['src'];

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
