import { Command } from 'commander';
import { readFileSync } from 'node:fs';

/** The version in package.json. */
function packageVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** The `tre-atlas` program without its commands: name, version, description, usage errors thrown (not exited). */
export function createProgram(): Command {
  return new Command('tre-atlas')
    .description('A semantic knowledge graph of Trusted Research Environments')
    .version(packageVersion())
    .showHelpAfterError('(run tre-atlas help for usage)')
    .exitOverride();
}
