// Child process of crash.test.ts: opens a store, reports the writes it finds, then writes descriptions until
// killed, printing `ack <n>` once write n is acknowledged. Usage: crashWriter.ts <dataDir> <first n>
import { DataFactory } from 'n3';
import { pino } from 'pino';
import { EmbeddedStore } from '../../src/store/index.js';
import { description, ex } from './fixtures.js';

const { namedNode, literal, quad } = DataFactory;
const [dataDir, first] = process.argv.slice(2);
const store = new EmbeddedStore({
  dataDir: dataDir!,
  logger: pino({ level: 'silent' }),
  workers: 1,
  snapshotAfterRecords: 40,
});
await store.open();
const found = await store.query('SELECT ?g ?t { GRAPH ?g { ?s <http://purl.org/dc/terms/title> ?t } }');
const present =
  found.kind === 'bindings'
    ? found.rows
        .filter((row) => row['g']!.value.endsWith(`/${row['t']!.value.slice(4)}`))
        .map((row) => row['t']!.value.slice(4))
    : [];
process.stdout.write(`present ${present.join(',')}\n`);

let next = Number(first);
async function writer(): Promise<void> {
  for (;;) {
    const n = next++;
    const quads = description(String(n));
    if (n % 7 === 0) {
      // A large record now and then, so that some kills land in the middle of writing one.
      for (let i = 0; i < 3000; i++)
        quads.push(quad(namedNode(ex(`bulk/${n}/${i}`)), namedNode(ex('p')), literal('x'.repeat(50))));
    }
    await store.applyChanges([{ graph: ex(`crash/${n}`), quads }]);
    process.stdout.write(`ack ${n}\n`);
  }
}
await Promise.all([writer(), writer(), writer()]);
