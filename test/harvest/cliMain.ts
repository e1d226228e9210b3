// The CLI with the harvest command registered (src/cli/main.ts registers the commands for users).
import { registerHarvestCommand } from '../../src/cli/commands/harvest.js';
import { createProgram } from '../../src/cli/createProgram.js';
import { runCli } from '../../src/cli/runCli.js';

const program = createProgram();
registerHarvestCommand(program);
await runCli(program, process.argv);
