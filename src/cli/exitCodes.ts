import { CommanderError } from 'commander';
import { isAtlasError } from '../errors.js';

/** Exit codes of every command. */
export const exitCodes = {
  /** Done; the data conforms. */
  ok: 0,
  /** The data violates the shapes. */
  invalid: 1,
  /** Bad arguments, or input that cannot be read or parsed. */
  usage: 2,
  /** A bug: an error nobody expected. */
  internal: 3,
} as const;

/** The exit code for an error thrown by a command (or by commander for bad usage). */
export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  if (!isAtlasError(error)) return exitCodes.internal;
  if (error.code === 'INVALID') return exitCodes.invalid;
  if (error.code === 'INTERNAL') return exitCodes.internal;
  return exitCodes.usage;
}
