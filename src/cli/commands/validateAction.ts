import { relative } from 'node:path';
import { prefixes } from '../../namespaces.js';
import { readRdfPaths, rdfFormats, serializeRdf } from '../../rdf/index.js';
import {
  ShaclValidator,
  reportToJson,
  reportToQuads,
  reportToText,
  termToString,
  type ValidationProfile,
} from '../../validate/index.js';
import { exitCodes } from '../exitCodes.js';

type ReportFormat = 'text' | 'json' | 'turtle';

/** Options of `tre-atlas validate`. */
export interface ValidateFlags {
  format: ReportFormat;
  profile: ValidationProfile;
}

/** A path as the user would type it: relative to the working directory when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

/** Validates files and folders together, prints the report and sets the exit code. */
export async function validateAction(paths: string[], flags: ValidateFlags): Promise<void> {
  const files = await readRdfPaths(paths);
  const validator = await ShaclValidator.create({ profile: flags.profile });
  const sources = new Map<string, string>();
  for (const { file, quads } of files) {
    for (const q of quads) {
      const key = termToString(q.subject);
      if (!sources.has(key)) sources.set(key, displayPath(file));
    }
  }
  const report = await validator.validate(
    files.flatMap((f) => f.quads),
    { sources },
  );
  let out: string;
  switch (flags.format) {
    case 'text':
      out = reportToText(report, { files: files.length });
      break;
    case 'json':
      out = `${JSON.stringify(reportToJson(report), null, 2)}\n`;
      break;
    case 'turtle':
      out = await serializeRdf(reportToQuads(report), rdfFormats.turtle, { prefixes: { ...prefixes } });
      break;
  }
  process.stdout.write(out);
  process.exitCode = report.conforms ? exitCodes.ok : exitCodes.invalid;
}
