// Exit codes a script can rely on (documented in `lojista --help` and the engine README).
export const EXIT = {
  ok: 0,
  /** Something failed while running. */
  failure: 1,
  /** Bad command line or invalid configuration: fix the input and run again. */
  usage: 2,
  /** The work is already being done elsewhere (a scan already running), or the store is running (restore). */
  busy: 3,
  /** CJ refused or could not be reached. */
  supplier: 4,
} as const;

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
