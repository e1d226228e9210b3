import { TokenStore } from '../../auth/index.js';
import { loadConfig } from '../../config.js';

/** Options of every `tre-atlas token` command. */
export interface TokenFlags {
  dataDir?: string;
  config?: string;
}

async function openTokens(flags: TokenFlags): Promise<TokenStore> {
  const { dataDir } = loadConfig({ flags: { dataDir: flags.dataDir }, configFile: flags.config });
  return TokenStore.open({ dataDir });
}

/** `token create`: stores a new token's hash and prints the token once, as the last line of stdout. */
export async function createTokenAction(
  flags: TokenFlags & { provider: string; admin?: boolean },
): Promise<void> {
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

/** `token list`: one line per token (id, created, kind, provider), never a secret. */
export async function listTokensAction(flags: TokenFlags): Promise<void> {
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

/** `token revoke ID`: removes a token; exit code 2 when there is none with that id. */
export async function revokeTokenAction(id: string, flags: TokenFlags): Promise<void> {
  const tokens = await openTokens(flags);
  const removed = await tokens.revoke(id);
  process.stderr.write(removed ? `Revoked token ${id}.\n` : `No token with id ${id}.\n`);
  if (!removed) process.exitCode = 2;
}
