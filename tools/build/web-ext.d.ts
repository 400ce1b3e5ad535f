/** The part of web-ext's Node API the build tools and tests call (web-ext ships no typings). */
declare module 'web-ext' {
  interface RunOptions {
    /** False: resolve or reject instead of ending the process. */
    shouldExitProgram: boolean;
  }
  /** One finding of `web-ext lint` (addons-linter). */
  export interface LintMessage {
    code: string;
    message: string;
    description: string | string[];
    file?: string;
    line?: number;
  }
  export interface LintResult {
    count: number;
    summary: { errors: number; notices: number; warnings: number };
    errors: LintMessage[];
    notices: LintMessage[];
    warnings: LintMessage[];
  }
  const webExt: {
    cmd: {
      build(options: { sourceDir: string; artifactsDir: string; filename?: string; overwriteDest?: boolean }, run: RunOptions): Promise<{ extensionPath: string }>;
      lint(options: { sourceDir: string; output?: 'text' | 'json' | 'none'; selfHosted?: boolean }, run: RunOptions): Promise<LintResult>;
    };
  };
  export default webExt;
}
