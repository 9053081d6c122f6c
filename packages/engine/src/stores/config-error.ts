// A configuration problem that stops a store from starting. The message names the file, the key
// and what is expected, one line per problem, so the owner can fix everything in one pass.

export interface ConfigIssue {
  /** Dotted path of the key, e.g. "pricing.markup". */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ConfigIssue[],
  ) {
    super(`Invalid configuration in ${file}:\n${issues.map((i) => `  - ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
