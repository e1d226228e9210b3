import type { Command } from 'commander';
import { TokenStore } from '../../auth/index.js';
import { loadConfig } from '../../config.js';

interface TokenFlags {
  dataDir?: string;
  config?: string;
}

async function openTokens(flags: TokenFlags): Promise<TokenStore> {
  const { dataDir } = loadConfig({ flags: { dataDir: flags.dataDir }, configFile: flags.config });
  return TokenStore.open({ dataDir });
}

async function createAction(flags: TokenFlags & { provider: string; admin?: boolean }): Promise<void> {
  const tokens = await openTokens(flags);
  const admin = flags.admin === true;
  const token = await tokens.create({ provider: flags.provider, admin });
  process.stderr.write(
    `Created a${admin ? 'n admin' : ''} token for ${flags.provider} (stored as a hash in ${tokens.path}).\n` +
      `It is shown once, below. Send it as 'Authorization: Bearer <token>' to write descriptions` +
      `${admin ? ' of any provider' : ` published by ${flags.provider}`}.\n`,
  );
  process.stdout.write(`${token}\n`);
}

async function listAction(flags: TokenFlags): Promise<void> {
  const tokens = await openTokens(flags);
  const rows = tokens.list();
  if (rows.length === 0) {
    process.stderr.write(`No tokens in ${tokens.path}.\n`);
    return;
  }
  for (const t of rows) {
    process.stdout.write(`${t.id}\t${t.created}\t${t.admin ? 'admin' : 'provider'}\t${t.provider}\n`);
  }
}

async function revokeAction(id: string, flags: TokenFlags): Promise<void> {
  const tokens = await openTokens(flags);
  const removed = await tokens.revoke(id);
  process.stderr.write(removed ? `Revoked token ${id}.\n` : `No token with id ${id}.\n`);
  if (!removed) process.exitCode = 2;
}

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
  ).action(createAction);
  withDataDir(
    token.command('list').description('list tokens: id, created, kind, provider (never secrets)'),
  ).action(listAction);
  withDataDir(
    token.command('revoke').description('remove a token').argument('<id>', 'token id from token list'),
  ).action(revokeAction);
}
