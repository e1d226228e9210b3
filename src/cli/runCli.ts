import { CommanderError, type Command } from 'commander';
import { isAtlasError } from '../errors.js';
import { exitCodeFor } from './exitCodes.js';

function exitOverrideEverywhere(command: Command): void {
  command.exitOverride();
  for (const sub of command.commands) exitOverrideEverywhere(sub);
}

/**
 * Runs `program` on `argv` and sets `process.exitCode` (0 ok, 1 violations, 2 usage or unreadable input,
 * 3 internal error). Errors are written to stderr: a syntax error as `file:line:column: message`.
 */
export async function runCli(program: Command, argv: readonly string[]): Promise<void> {
  exitOverrideEverywhere(program);
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    // commander has already written its own usage message
    if (!(error instanceof CommanderError)) {
      const text = isAtlasError(error)
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
      process.stderr.write(`${isAtlasError(error) ? '' : 'tre-atlas: internal error: '}${text}\n`);
    }
    process.exitCode = exitCodeFor(error);
  }
}
