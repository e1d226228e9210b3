import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AtlasError } from '../errors.js';

/** What a valid token grants. */
export interface TokenGrant {
  /** IRI of the provider (operator organisation) the token writes for. */
  provider: string;
  /** True: may write any description. */
  admin: boolean;
}

/** A stored token without its secret. */
export interface TokenInfo extends TokenGrant {
  /** Short public identifier (not derived from the token). */
  id: string;
  /** Creation time, ISO 8601. */
  created: string;
}

interface StoredToken extends TokenInfo {
  /** SHA-256 of the token, hex. */
  hash: string;
}

interface TokenFile {
  version: 1;
  tokens: StoredToken[];
}

/** Options of {@link TokenStore.open}. */
export interface TokenStoreOptions {
  /** Data directory; tokens live in `{dataDir}/tokens.json`. */
  dataDir: string;
}

const tokenPattern = /^tre_[A-Za-z0-9_-]{43}$/;

/**
 * Bearer tokens of providers. The file keeps only SHA-256 hashes, is written atomically (temporary file, fsync,
 * rename) and re-read when another process (e.g. `tre-atlas token create`) changed it.
 */
export class TokenStore {
  readonly path: string;
  private tokens: StoredToken[] = [];
  private stamp = '';

  private constructor(path: string) {
    this.path = path;
  }

  /** Opens (without creating) the token file of a data directory. A broken file -> `AtlasError('CORRUPT')`. */
  static open(options: TokenStoreOptions): Promise<TokenStore> {
    return Promise.resolve().then(() => {
      const store = new TokenStore(join(options.dataDir, 'tokens.json'));
      store.reload();
      return store;
    });
  }

  /** Creates a token and returns it: `tre_` + 43 base64url characters. Only its hash is stored. */
  create(grant: { provider: string; admin?: boolean }): Promise<string> {
    return Promise.resolve().then(() => this.createNow(grant));
  }

  private createNow(grant: { provider: string; admin?: boolean }): string {
    if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(grant.provider)) {
      throw new AtlasError('USAGE', `provider must be an absolute IRI, got '${grant.provider}'`);
    }
    this.reload();
    const token = `tre_${randomBytes(32).toString('base64url')}`;
    const entry: StoredToken = {
      id: randomBytes(6).toString('hex'),
      provider: grant.provider,
      admin: grant.admin ?? false,
      created: new Date().toISOString(),
      hash: hashToken(token),
    };
    this.write([...this.tokens, entry]);
    return token;
  }

  /** The grant of a token, or undefined when it is unknown or malformed. Compares hashes in constant time. */
  verify(token: string): TokenGrant | undefined {
    if (!tokenPattern.test(token)) return undefined;
    this.reload();
    const hash = Buffer.from(hashToken(token), 'hex');
    let found: StoredToken | undefined;
    for (const entry of this.tokens) {
      const stored = Buffer.from(entry.hash, 'hex');
      if (stored.length === hash.length && timingSafeEqual(stored, hash) && found === undefined)
        found = entry;
    }
    return found === undefined ? undefined : { provider: found.provider, admin: found.admin };
  }

  /** Every token's id, provider, admin flag and creation time (never hashes). */
  list(): TokenInfo[] {
    this.reload();
    return this.tokens.map(({ id, provider, admin, created }) => ({ id, provider, admin, created }));
  }

  /** Removes a token by id; false when there is none. */
  revoke(id: string): Promise<boolean> {
    return Promise.resolve().then(() => {
      this.reload();
      const kept = this.tokens.filter((t) => t.id !== id);
      if (kept.length === this.tokens.length) return false;
      this.write(kept);
      return true;
    });
  }

  private reload(): void {
    let stamp: string;
    try {
      const stat = statSync(this.path);
      stamp = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      this.tokens = [];
      this.stamp = '';
      return;
    }
    if (stamp === this.stamp) return;
    this.tokens = parseTokenFile(readFileSync(this.path, 'utf8'), this.path);
    this.stamp = stamp;
  }

  private write(tokens: StoredToken[]): void {
    const content: TokenFile = { version: 1, tokens };
    const dir = dirname(this.path);
    mkdirSync(dir, { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, `${JSON.stringify(content, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    const dirFd = openSync(dir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
    this.tokens = tokens;
    this.stamp = '';
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function parseTokenFile(text: string, path: string): StoredToken[] {
  try {
    const parsed = JSON.parse(text) as Partial<TokenFile>;
    if (parsed.version !== 1 || !Array.isArray(parsed.tokens))
      throw new Error('expected { version: 1, tokens: [] }');
    for (const t of parsed.tokens) {
      if (typeof t.hash !== 'string' || !/^[0-9a-f]{64}$/.test(t.hash) || typeof t.provider !== 'string') {
        throw new Error(`token ${String(t.id)} has no valid hash or provider`);
      }
    }
    return parsed.tokens;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new AtlasError('CORRUPT', `${path}: unreadable token file: ${message}`, {
      context: { source: path },
      cause,
    });
  }
}
