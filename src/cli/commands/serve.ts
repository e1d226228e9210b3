import type { Command } from 'commander';
import { lazyAction } from '../lazyAction.js';

/**
 * `tre-atlas serve [--port 8080] [--host 127.0.0.1] [--data-dir DIR] [--query-timeout MS] [--body-limit BYTES]
 * [--config FILE]`: opens the store, starts the HTTP server, loads the seed into an empty store, and stops
 * gracefully on SIGINT or SIGTERM. Prints `tre-atlas listening on URL` on stdout; logs (pino JSON) go to stderr.
 */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description(
      'serve the knowledge graph over HTTP: SPARQL, Graph Store Protocol, validation, dereferencing',
    )
    .option('--port <port>', 'TCP port (0: any free port; default 8080)')
    .option('--host <host>', 'interface to listen on (default 127.0.0.1)')
    .option('--data-dir <dir>', 'data directory of the store and tokens (default ./.tre-atlas)')
    .option('--query-timeout <ms>', 'time limit of a SPARQL query in milliseconds (default 10000)')
    .option('--body-limit <bytes>', 'largest request body, e.g. 10mb (default 10 MB)')
    .option('--config <file>', 'JSON config file with the same keys')
    .option('--store <kind>', 'graph store: embedded (default) or sparql (a remote SPARQL server)')
    .option('--sparql-query <url>', 'store sparql: SPARQL query endpoint')
    .option('--sparql-update <url>', 'store sparql: SPARQL Update endpoint')
    .option('--sparql-gsp <url>', 'store sparql: Graph Store Protocol endpoint (stages writes)')
    .option('--sparql-user <user>', 'store sparql: user (HTTP basic or digest)')
    .option('--sparql-password <password>', 'store sparql: password (or TRE_ATLAS_SPARQL_PASSWORD)')
    .action(lazyAction(() => import('./serveAction.js'), 'serveAction'));
}
