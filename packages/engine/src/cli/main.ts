#!/usr/bin/env node
// lojista — run autonomous dropshipping stores on the CJ Dropshipping API.
import { ConfigError } from '../stores/config-error.js';
import { CliError, EXIT } from './exit-codes.js';
import { buildProgram } from './program.js';

const program = buildProgram();
try {
  await program.parseAsync();
} catch (err) {
  const code = (err as { code?: string }).code;
  if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') process.exit(EXIT.ok);
  if (code?.startsWith('commander.')) process.exit(EXIT.usage);
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(EXIT.usage);
  }
  if (err instanceof CliError) {
    console.error(`lojista: ${err.message}`);
    process.exit(err.exitCode);
  }
  console.error(`lojista: ${(err as Error).message}`);
  process.exit(EXIT.failure);
}
