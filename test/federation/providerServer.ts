import { createServer, type Server } from 'node:http';
import oxigraph from 'oxigraph';

/** A small SPARQL 1.1 Protocol endpoint over an in-memory oxigraph store, on a loopback port. */
export interface Provider {
  /** `http://127.0.0.1:PORT/sparql` */
  url: string;
  /** How it answers: normally, with HTTP 500, or never (hangs). */
  mode: 'ok' | 'fail' | 'hang';
  /** When set, every request is answered with a 307 redirect to this URL. */
  redirectTo?: string;
  /** TCP connections accepted so far. */
  connections: number;
  close(): Promise<void>;
}

/** Starts a provider endpoint serving `turtle`, listening on `host` (default 127.0.0.1). */
export async function startProvider(turtle: string, host = '127.0.0.1'): Promise<Provider> {
  const store = new oxigraph.Store();
  store.load(turtle, { format: 'text/turtle' });
  const provider = { mode: 'ok', connections: 0 } as Provider;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      if (provider.redirectTo !== undefined) {
        response.writeHead(307, { location: provider.redirectTo }).end();
        return;
      }
      if (provider.mode === 'hang') return;
      if (provider.mode === 'fail') {
        response.writeHead(500, { 'content-type': 'text/plain' }).end('provider is down');
        return;
      }
      const url = new URL(request.url ?? '/', 'http://localhost');
      const type = request.headers['content-type'] ?? '';
      const query = type.startsWith('application/sparql-query')
        ? body
        : (new URLSearchParams(type.startsWith('application/x-www-form-urlencoded') ? body : '').get(
            'query',
          ) ?? url.searchParams.get('query'));
      if (!query) {
        response.writeHead(400).end('no query');
        return;
      }
      try {
        const accept = request.headers.accept ?? '';
        const format =
          /sparql-results\+xml/.test(accept) && !/json/.test(accept)
            ? 'application/sparql-results+xml'
            : 'application/sparql-results+json';
        const text = store.query(query, { results_format: format }) as string;
        response.writeHead(200, { 'content-type': format }).end(text);
      } catch (error) {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      }
    });
  });
  server.on('connection', () => provider.connections++);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  provider.url = `http://${host}:${port}/sparql`;
  provider.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return provider;
}
