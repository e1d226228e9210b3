/** The `tre-atlas` command line: one file per command in `commands/`, registered here. */
import { registerExportCommand } from './commands/export.js';
import { registerFederateCommand } from './commands/federate.js';
import { registerHarvestCommand } from './commands/harvest.js';
import { registerGraphqlSchemaCommand } from './commands/graphqlSchema.js';
import { registerQueryCommand } from './commands/query.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTokenCommand } from './commands/token.js';
import { registerValidateCommand } from './commands/validate.js';
import { createProgram } from './createProgram.js';
import { runCli } from './runCli.js';

const program = createProgram();
registerValidateCommand(program);
registerTokenCommand(program);
registerServeCommand(program);
registerGraphqlSchemaCommand(program);
registerQueryCommand(program);
registerHarvestCommand(program);
registerExportCommand(program);
registerFederateCommand(program);
await runCli(program, process.argv);
