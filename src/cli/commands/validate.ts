import { Option, type Command } from 'commander';
import type { ValidationProfile } from '../../validate/index.js';
import { lazyAction } from '../lazyAction.js';

/** Every validation profile, in order: a record so that the compiler notices a profile missing here. */
const profiles: Record<ValidationProfile, true> = { core: true, recommended: true, ehds: true };

/** `tre-atlas validate PATH... [--format text|json|turtle] [--profile core|recommended|ehds]`. */
export function registerValidateCommand(program: Command): void {
  program
    .command('validate')
    .description('check RDF descriptions (files and folders, validated together) against the TRE shapes')
    .argument('<paths...>', 'RDF files or folders (.ttl .trig .nt .nq .jsonld .rdf), read recursively')
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['text', 'json', 'turtle'])
        .default('text'),
    )
    .addOption(
      new Option('-p, --profile <profile>', 'shapes to check: core, core + recommended, or all with EHDS')
        .choices(Object.keys(profiles))
        .default('recommended'),
    )
    .action(lazyAction(() => import('./validateAction.js'), 'validateAction'));
}
