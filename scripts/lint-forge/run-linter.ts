/**
 * Runs Atlassian's Forge linter (`@forge/lint`, the library behind `forge lint`) on one project
 * directory the way `forge lint` does in client-side mode: the files under `./src` (minus
 * .gitignore, `.git`, `node_modules`), the manifest parsed by the CLI's own `ConfigFile`, and the
 * client-side linters. Offline: the permission linter reads the REST API descriptions named by its
 * own `USE_LOCAL_SWAGGER` / `LOCAL_*_SWAGGER` variables, and feature gates answer "not set" (what
 * the CLI's gate client returns when it cannot reach its service).
 */
import { ConfigFile, FileSystemReader, FileSystemWriter, listGitIgnoreFiles, StatsigReader } from '@forge/cli-shared';
import { lint, problemCount, reportLintResults, type LintResult } from '@forge/lint';

/** Feature gates and dynamic configs with nothing set: the CLI's answer when offline. */
class OfflineGates extends StatsigReader {
  async checkGate(): Promise<boolean | null> {
    return null;
  }
  async getDynamicConfig(): Promise<null> {
    return null;
  }
}

export interface LintRun {
  readonly results: LintResult[];
  readonly errors: number;
  readonly warnings: number;
  /** Every scope a permission error says is missing. */
  readonly missingScopes: string[];
}

export interface Logger {
  info(message: string): void;
}

/** Lints the project in `dir` (the process's working directory moves there for the run). */
export async function runForgeLint(dir: string, logger: Logger, report = true): Promise<LintRun> {
  const previous = process.cwd();
  process.chdir(dir);
  try {
    const reader = new FileSystemReader();
    const configFile = new ConfigFile(reader, new FileSystemWriter());
    const manifest = await configFile.readConfig();
    const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
    const files = await reader.recursiveReadDir('./src', exclude);
    const results = await lint(files, manifest, 'development', logger, new OfflineGates() as never, {
      linter: { mode: 'client-side' },
    });
    if (report) reportLintResults(logger, results);
    const count = problemCount(results);
    const missingScopes = results.flatMap((r) =>
      r.errors.flatMap((e) => {
        const scope = (e.metadata as { missingPermission?: unknown } | undefined)?.missingPermission;
        return typeof scope === 'string' ? [scope] : [];
      }),
    );
    return { results, errors: count.errors, warnings: count.warnings, missingScopes };
  } finally {
    process.chdir(previous);
  }
}
