import type { Quad } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { Harvester, parseSources, type HarvestReport, type HarvestSources } from '../../src/harvest/index.js';
import { rdfFormats, serializeRdf } from '../../src/rdf/index.js';
import { freshIngestor, operator, tre } from '../ingest/helpers.js';

export { dump, freshIngestor, operator, tre, turtle } from '../ingest/helpers.js';

/** A request a provider received. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** A provider on a loopback port: a real node:http server answering with `handler`, recording requests. */
export interface Provider {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

/** Starts a provider on 127.0.0.1, port 0. */
export async function startProvider(
  handler: (request: IncomingMessage, response: ServerResponse, body: string) => void | Promise<void>,
): Promise<Provider> {
  const requests: SeenRequest[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      requests.push({ method: request.method ?? 'GET', path: request.url ?? '/', headers: request.headers });
      Promise.resolve(handler(request, response, body)).catch((error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends `body` with a strong ETag, answering 304 to a matching If-None-Match. */
export function sendWithEtag(
  request: IncomingMessage,
  response: ServerResponse,
  body: string,
  type: string,
): void {
  const etag = `"${Buffer.from(body).length}-${hash(body)}"`;
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, { etag }).end();
    return;
  }
  response.writeHead(200, { 'content-type': type, etag }).end(body);
}

function hash(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/** Quads as Turtle. */
export function toTurtle(quads: readonly Quad[]): Promise<string> {
  return serializeRdf(
    quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object)),
    rdfFormats.turtle,
  );
}

export const ORG = 'https://provider.example.org/org/university';

/** Turtle of an operator and the given TREs (each from `tre()`: valid unless `omitTitle`). */
export async function providerDocument(
  tres: Array<{ iri: string; title: string; omitTitle?: boolean }>,
  publisher = ORG,
): Promise<string> {
  const quads = [...(await operator(publisher, 'Example University'))];
  for (const t of tres)
    quads.push(...(await tre(t.iri, publisher, t.title, { omitTitle: t.omitTitle === true })));
  return toTurtle(quads);
}

/** A fresh store, ingestor and harvester (core shapes, silent logs), closed by `close()`. */
export async function harvestSetup() {
  const { store, ingestor, close } = await freshIngestor();
  let tick = Date.parse('2025-07-01T08:00:00Z');
  const harvester = Harvester.create({
    store,
    ingestor,
    logger: pino({ level: 'silent' }),
    clock: () => new Date((tick += 1000)),
  });
  return { store, ingestor, harvester, close };
}

/** A sources file (allowPrivateNetwork on, as tests need loopback) from a list of sources. */
export function sources(list: Array<Record<string, unknown>>, allowPrivateNetwork = true): HarvestSources {
  return parseSources({ sources: list, allowPrivateNetwork });
}

/** The report of the only source of a run. */
export function only(report: HarvestReport) {
  const [first] = report.sources;
  if (first === undefined || report.sources.length !== 1) throw new Error('expected one source report');
  return first;
}

/** Counts of a source report, for assertions. */
export function counts(report: HarvestReport) {
  const r = only(report);
  return {
    new: r.created.length,
    updated: r.updated.length,
    unchanged: r.unchanged.length,
    invalid: r.invalid.length,
    withdrawn: r.withdrawn.length,
    errors: r.errors.length,
    complete: r.complete,
  };
}
