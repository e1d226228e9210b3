import { createServer, type Server } from 'node:http';

/** A loopback HTTP proxy to `target` that can lose the answer of chosen requests (after the target handled them). */
export interface LossyProxy {
  /** `http://127.0.0.1:PORT` (paths are passed through unchanged). */
  url: string;
  /** Requests whose body matches and that are still to be "lost": forwarded, then the connection is cut. */
  loseNext(pattern: RegExp, times?: number): void;
  /** How many answers were lost so far. */
  lost: number;
  close(): Promise<void>;
}

/** Starts a lossy proxy to `target` (an origin like `http://127.0.0.1:8890`). */
export async function startLossyProxy(target: string): Promise<LossyProxy> {
  let rule: { pattern: RegExp; times: number } | undefined;
  const proxy = { lost: 0 } as LossyProxy;
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const headers = Object.fromEntries(
        Object.entries(request.headers).filter(
          ([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k),
        ),
      ) as Record<string, string>;
      const init: RequestInit = { method: request.method ?? 'GET', headers };
      if (body.length > 0) init.body = body;
      fetch(`${target}${request.url ?? '/'}`, init)
        .then(async (answer) => {
          const text = Buffer.from(await answer.arrayBuffer());
          const decoded = body.toString('utf8');
          if (
            rule &&
            rule.times > 0 &&
            answer.status < 400 &&
            rule.pattern.test(decodeURIComponent(decoded.replace(/\+/g, ' ')))
          ) {
            rule.times--;
            proxy.lost++;
            request.socket.destroy();
            return;
          }
          const out: Record<string, string> = {};
          answer.headers.forEach((value, key) => {
            if (!['content-length', 'connection', 'transfer-encoding', 'keep-alive'].includes(key))
              out[key] = value;
          });
          response.writeHead(answer.status, out).end(text);
        })
        .catch(() => request.socket.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  proxy.loseNext = (pattern, times = 1) => {
    rule = { pattern, times };
  };
  proxy.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}
