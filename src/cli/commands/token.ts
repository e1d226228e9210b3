import type { Command } from 'commander';
import { lazyAction } from '../lazyAction.js';

function withDataDir(command: Command): Command {
  return command
    .option('-d, --data-dir <dir>', 'data directory (default: TRE_ATLAS_DATA_DIR or ./.tre-atlas)')
    .option('-c, --config <file>', 'JSON config file');
}

/** `tre-atlas token create|list|revoke`: bearer tokens of providers. */
export function registerTokenCommand(program: Command): void {
  const token = program
    .command('token')
    .description('manage bearer tokens that let providers write descriptions');
  withDataDir(
    token
      .command('create')
      .description('create a token; prints it once, as the last line of stdout')
      .requiredOption('--provider <iri>', 'IRI of the provider (operator organisation) the token writes for')
      .option('--admin', 'allow writing descriptions of any provider'),
  ).action(lazyAction(() => import('./tokenAction.js'), 'createTokenAction'));
  withDataDir(
    token.command('list').description('list tokens: id, created, kind, provider (never secrets)'),
  ).action(lazyAction(() => import('./tokenAction.js'), 'listTokensAction'));
  withDataDir(
    token.command('revoke').description('remove a token').argument('<id>', 'token id from token list'),
  ).action(lazyAction(() => import('./tokenAction.js'), 'revokeTokenAction'));
}
