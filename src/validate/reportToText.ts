import { compactPath, compactValue } from './compactIri.js';
import type { ValidationReport, ValidationResult } from './ValidationReport.js';

/** Options of `reportToText`. */
export interface ReportToTextOptions {
  /** How many files were validated, for the summary line; defaults to the number of files with results. */
  files?: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Counts of results by severity. */
export function countSeverities(report: ValidationReport): {
  violations: number;
  warnings: number;
  infos: number;
} {
  const count = (s: ValidationResult['severity']): number =>
    report.results.filter((r) => r.severity === s).length;
  return { violations: count('Violation'), warnings: count('Warning'), infos: count('Info') };
}

/**
 * A report for people: results grouped by file and focus node, one line per result (severity, path as a prefixed
 * name, value, message), and a summary line `N violations, M warnings in K files`.
 */
export function reportToText(report: ValidationReport, options: ReportToTextOptions = {}): string {
  const lines: string[] = [];
  let file: string | undefined | null = null;
  let focus: string | null = null;
  for (const r of report.results) {
    if (r.source !== file) {
      file = r.source;
      focus = null;
      if (lines.length > 0) lines.push('');
      lines.push(file ?? '(no file)');
    }
    if (r.focusNode !== focus) {
      focus = r.focusNode;
      lines.push(`  ${focus}`);
    }
    const where = [
      r.path === undefined ? '' : compactPath(r.path),
      r.value === undefined ? '' : compactValue(r.value),
    ]
      .filter(Boolean)
      .join(' ');
    lines.push(`    ${r.severity.padEnd(9)} ${where ? `${where}: ` : ''}${r.message}`);
  }
  const counts = countSeverities(report);
  const files = options.files ?? new Set(report.results.map((r) => r.source ?? '')).size;
  const parts = [plural(counts.violations, 'violation'), plural(counts.warnings, 'warning')];
  if (counts.infos > 0) parts.push(plural(counts.infos, 'info'));
  if (lines.length > 0) lines.push('');
  lines.push(`${parts.join(', ')} in ${plural(files, 'file')}`);
  return `${lines.join('\n')}\n`;
}
