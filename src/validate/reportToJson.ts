import { countSeverities } from './reportToText.js';
import type { ValidationReport, ValidationResult } from './ValidationReport.js';

/** The version tag of the JSON report; a breaking change of its shape gets a new number. */
export const reportJsonFormat = 'tre-atlas-report/1';

/**
 * The JSON form of a report (`tre-atlas-report/1`). Keys always come in this order; the optional result keys
 * (`path`, `value`, `source`) are left out when they do not apply.
 *
 * ```json
 * { "format": "tre-atlas-report/1", "conforms": false,
 *   "summary": { "violations": 1, "warnings": 0, "infos": 0 },
 *   "results": [{ "severity": "Violation", "focusNode": "https://…/tre/tsd", "path": "http://purl.org/dc/terms/title",
 *                 "value": "\"x\"@en", "message": "…", "shape": "https://…#TitleShape",
 *                 "constraint": "http://www.w3.org/ns/shacl#MinCountConstraintComponent", "source": "data/tsd.ttl" }] }
 * ```
 */
export interface ReportJson {
  format: typeof reportJsonFormat;
  conforms: boolean;
  summary: { violations: number; warnings: number; infos: number };
  results: ValidationResult[];
}

/** Converts a report to its stable JSON form (an object; `JSON.stringify` it to write it). */
export function reportToJson(report: ValidationReport): ReportJson {
  return {
    format: reportJsonFormat,
    conforms: report.conforms,
    summary: countSeverities(report),
    results: report.results.map((r) => ({
      severity: r.severity,
      focusNode: r.focusNode,
      ...(r.path === undefined ? {} : { path: r.path }),
      ...(r.value === undefined ? {} : { value: r.value }),
      message: r.message,
      shape: r.shape,
      constraint: r.constraint,
      ...(r.source === undefined ? {} : { source: r.source }),
    })),
  };
}
