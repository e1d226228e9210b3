import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sparqljs from 'sparqljs';
import { AtlasError } from '../errors.js';
import { checkQuery, type QueryForm } from './checkQuery.js';
import { bindParameters, type RawParameters } from './bindParameters.js';
import { parseParameterDeclaration, type QueryParameter } from './QueryParameter.js';

/** A named query from `queries/*.rq`, compiled once. */
export interface NamedQuery {
  /** The file's base name without `.rq`; also its path under `/queries/`. */
  name: string;
  title: string;
  description: string;
  parameters: QueryParameter[];
  form: QueryForm;
  /** The query text as written in the file. */
  text: string;
  file: string;
}

interface Header {
  title: string;
  description: string;
  parameters: QueryParameter[];
}

function parseHeader(text: string, file: string): Header {
  const tags: Array<{ tag: string; value: string; line: number }> = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    const comment = /^\s*#(.*)$/.exec(line);
    if (!comment) break; // the header is the leading comment block
    const body = comment[1] ?? '';
    const tagged = /^\s*@(\w+)\s*(.*)$/.exec(body);
    if (tagged) tags.push({ tag: tagged[1] ?? '', value: (tagged[2] ?? '').trim(), line: index + 1 });
    else if (tags.length > 0 && body.trim() !== '') {
      const last = tags[tags.length - 1]!;
      last.value = `${last.value} ${body.trim()}`.trim();
    }
  }
  const header: Header = { title: '', description: '', parameters: [] };
  for (const { tag, value, line } of tags) {
    const where = `${file}:${line}`;
    if (tag === 'title') header.title = value;
    else if (tag === 'description') header.description = value;
    else if (tag === 'param') header.parameters.push(parseParameterDeclaration(value, where));
    else if (tag !== 'name') {
      throw new AtlasError(
        'SYNTAX',
        `${where}: unknown header tag @${tag}; use @title, @description or @param.`,
        {
          context: { source: file, line },
        },
      );
    }
  }
  if (header.title === '' || header.description === '') {
    throw new AtlasError(
      'SYNTAX',
      `${file}: a named query needs a "# @title" and a "# @description" header line.`,
      {
        context: { source: file },
      },
    );
  }
  return header;
}

/** The named queries of a folder, parsed, checked and compiled at start-up. */
export class NamedQueries {
  readonly #queries: Map<string, { query: NamedQuery; parsed: sparqljs.Query }>;

  private constructor(queries: Map<string, { query: NamedQuery; parsed: sparqljs.Query }>) {
    this.#queries = queries;
  }

  /** Loads every `*.rq` file of `dir`; a file with a bad header or bad SPARQL fails the load, naming the file. */
  static async load(dir: string): Promise<NamedQueries> {
    const files = (await readdir(dir)).filter((file) => file.endsWith('.rq')).sort();
    const queries = new Map<string, { query: NamedQuery; parsed: sparqljs.Query }>();
    for (const file of files) {
      const path = join(dir, file);
      const text = await readFile(path, 'utf8');
      const header = parseHeader(text, path);
      let form: QueryForm;
      try {
        form = checkQuery(text).form;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new AtlasError('SYNTAX', `${path}: ${message}`, { context: { source: path }, cause: error });
      }
      const parsed = new sparqljs.Parser().parse(text) as sparqljs.Query;
      const name = basename(file, '.rq');
      queries.set(name, { query: { name, ...header, form, text, file: path }, parsed });
    }
    return new NamedQueries(queries);
  }

  /** All queries, sorted by name. */
  list(): NamedQuery[] {
    return [...this.#queries.values()].map((entry) => entry.query);
  }

  /** One query by name, or undefined. */
  get(name: string): NamedQuery | undefined {
    return this.#queries.get(name)?.query;
  }

  /** The text to run for `name` with `params` bound as RDF terms. Unknown name -> `AtlasError('NOT_FOUND')`. */
  bind(name: string, params: RawParameters): string {
    const entry = this.#queries.get(name);
    if (!entry) {
      const known = [...this.#queries.keys()].join(', ');
      throw new AtlasError('NOT_FOUND', `No named query "${name}"; known queries: ${known}.`, {
        context: { query: name },
      });
    }
    return bindParameters(name, entry.parsed, entry.query.parameters, params);
  }
}
