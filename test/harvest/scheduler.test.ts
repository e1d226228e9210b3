import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { scheduleHarvest } from '../../src/harvest/index.js';
import { harvestSetup, only, providerDocument, sources, startProvider, type Provider } from './helpers.js';

const A = 'https://provider.example.org/tre/alpha';

describe('harvest: scheduling and sources sharing descriptions', function () {
  this.timeout(60_000);
  let provider: Provider;
  let setup: Awaited<ReturnType<typeof harvestSetup>>;
  let dir: string;

  before(async () => {
    const document = await providerDocument([{ iri: A, title: 'Alpha' }]);
    provider = await startProvider((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/turtle' }).end(document);
    });
    dir = mkdtempSync(join(tmpdir(), 'tre-atlas-schedule-'));
  });
  after(async () => {
    await provider.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    setup = await harvestSetup();
  });
  afterEach(() => setup.close());

  it('serve harvests the configured sources file at start and again after each interval', async () => {
    const file = join(dir, 'sources.json');
    writeFileSync(
      file,
      JSON.stringify({
        allowPrivateNetwork: true,
        sources: [{ id: 'uni', type: 'document', url: `${provider.url}/a.ttl` }],
      }),
    );
    const scheduler = scheduleHarvest({
      settings: { sources: file, interval: 0.2, atStart: true },
      store: setup.store,
      ingestor: setup.ingestor,
      logger: pino({ level: 'silent' }),
    });
    assert.ok(scheduler !== undefined);
    await new Promise<void>((resolve) => {
      scheduler.start();
      const wait = setInterval(() => {
        if (provider.requests.length >= 2) {
          clearInterval(wait);
          resolve();
        }
      }, 50);
    });
    await scheduler.stop();
    const seen = provider.requests.length;
    assert.equal(await setup.store.hasGraph(A), true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(provider.requests.length, seen, 'no harvest after stop()');
  });

  it('no schedule without a sources file', () => {
    const none = scheduleHarvest({
      settings: { interval: 60, atStart: true },
      store: setup.store,
      ingestor: setup.ingestor,
      logger: pino({ level: 'silent' }),
    });
    assert.equal(none, undefined);
  });

  it('skips a source whose own interval has not passed, in scheduled runs', async () => {
    const list = sources([{ id: 'uni', type: 'document', url: `${provider.url}/a.ttl`, interval: 3600 }]);
    await setup.harvester.run(list);
    const before = provider.requests.length;
    const report = await setup.harvester.run(list, { respectIntervals: true });
    assert.equal(report.sources.length, 0);
    assert.equal(provider.requests.length, before);
  });

  it('a description another source brought is not taken over', async () => {
    await setup.harvester.run(sources([{ id: 'first', type: 'document', url: `${provider.url}/a.ttl` }]));
    const report = await setup.harvester.run(
      sources([{ id: 'second', type: 'document', url: `${provider.url}/b.ttl` }]),
    );
    assert.match(
      only(report).errors.join('\n'),
      new RegExp(`${A}: not taken, it is harvested from source 'first'`),
    );
    assert.equal((await setup.ingestor.getRecord(A))?.source, `${provider.url}/a.ttl`);
    // not skipped as unchanged next time: the conflict is reported again until it is resolved
    const again = await setup.harvester.run(
      sources([{ id: 'second', type: 'document', url: `${provider.url}/b.ttl` }]),
    );
    assert.equal(only(again).sourceUnchanged, false);
    assert.match(only(again).errors.join('\n'), /not taken/);
  });
});
