// Placeholder entry for commands whose feature has not landed yet; it says so plainly.
const what = process.argv[2] ?? 'this command';
console.log(`npm run ${what}: not yet — see the open issues.`);
