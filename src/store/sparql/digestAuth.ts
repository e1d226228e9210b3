import { createHash, randomBytes } from 'node:crypto';

/** One authentication challenge of a `WWW-Authenticate` header. */
export interface Challenge {
  /** Lower-cased scheme: `digest`, `basic`, ... */
  scheme: string;
  /** Parameters with lower-cased names, quotes removed. */
  params: Record<string, string>;
}

const PARAM = /\s*([A-Za-z0-9_-]+)\s*=\s*("((?:[^"\\]|\\.)*)"|[^\s,]*)\s*,?/y;
const SCHEME = /\s*,?\s*([A-Za-z0-9_-]+)(?=\s|$|,)/y;

/** Parses a `WWW-Authenticate` header value (several challenges may be joined by commas). */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  let position = 0;
  while (position < header.length) {
    SCHEME.lastIndex = position;
    const scheme = SCHEME.exec(header);
    if (!scheme) break;
    position = SCHEME.lastIndex;
    const params: Record<string, string> = {};
    for (;;) {
      PARAM.lastIndex = position;
      const param = PARAM.exec(header);
      if (!param || param[0].trim() === '') break;
      params[param[1]!.toLowerCase()] = param[3] !== undefined ? param[3].replace(/\\(.)/g, '$1') : param[2]!;
      position = PARAM.lastIndex;
    }
    challenges.push({ scheme: scheme[1]!.toLowerCase(), params });
  }
  return challenges;
}

const ALGORITHMS: Record<string, string> = {
  md5: 'md5',
  'md5-sess': 'md5',
  'sha-256': 'sha256',
  'sha-256-sess': 'sha256',
};

/** True when a digest challenge uses an algorithm (MD5, SHA-256, their -sess forms) and qop this client supports. */
export function supportedDigest(challenge: Challenge): boolean {
  if (challenge.scheme !== 'digest') return false;
  const algorithm = (challenge.params['algorithm'] ?? 'MD5').toLowerCase();
  const qop = challenge.params['qop'];
  const qopOk = qop === undefined || qop.split(',').some((q) => q.trim().toLowerCase() === 'auth');
  return algorithm in ALGORITHMS && qopOk;
}

/**
 * HTTP Digest access authentication (RFC 7616) with `qop=auth` and the MD5 and SHA-256 algorithms. Keeps the
 * server's nonce and counts requests (`nc`), so later requests authenticate without a new challenge until the
 * server calls the nonce stale.
 */
export class DigestSession {
  private count = 0;
  private readonly hash: string;
  private readonly sess: boolean;
  private readonly qop: string | undefined;

  constructor(
    private readonly challenge: Challenge,
    private readonly user: string,
    private readonly password: string,
    /** The client nonce of each request (default 12 random bytes, hex); fixed only in tests. */
    private readonly cnonce: () => string = () => randomBytes(12).toString('hex'),
  ) {
    const algorithm = (challenge.params['algorithm'] ?? 'MD5').toLowerCase();
    this.hash = ALGORITHMS[algorithm] ?? 'md5';
    this.sess = algorithm.endsWith('-sess');
    const qop = challenge.params['qop'];
    this.qop = qop?.split(',').some((q) => q.trim().toLowerCase() === 'auth') ? 'auth' : undefined;
  }

  private h(text: string): string {
    return createHash(this.hash).update(text, 'utf8').digest('hex');
  }

  /** The `Authorization` header value for a request of `method` to `url` (path and query are signed). */
  authorization(method: string, url: URL): string {
    const p = this.challenge.params;
    const realm = p['realm'] ?? '';
    const nonce = p['nonce'] ?? '';
    const uri = url.pathname + url.search;
    const cnonce = this.cnonce();
    const nc = (++this.count).toString(16).padStart(8, '0');
    let ha1 = this.h(`${this.user}:${realm}:${this.password}`);
    if (this.sess) ha1 = this.h(`${ha1}:${nonce}:${cnonce}`);
    const ha2 = this.h(`${method}:${uri}`);
    const response = this.qop
      ? this.h(`${ha1}:${nonce}:${nc}:${cnonce}:${this.qop}:${ha2}`)
      : this.h(`${ha1}:${nonce}:${ha2}`);
    const quote = (value: string): string => `"${value.replace(/(["\\])/g, '\\$1')}"`;
    const fields = [
      `username=${quote(this.user)}`,
      `realm=${quote(realm)}`,
      `nonce=${quote(nonce)}`,
      `uri=${quote(uri)}`,
      `algorithm=${p['algorithm'] ?? 'MD5'}`,
      `response=${quote(response)}`,
    ];
    if (this.qop) fields.push(`qop=${this.qop}`, `nc=${nc}`, `cnonce=${quote(cnonce)}`);
    if (p['opaque'] !== undefined) fields.push(`opaque=${quote(p['opaque'])}`);
    return `Digest ${fields.join(', ')}`;
  }
}
