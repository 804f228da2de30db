// Runs the TypeScript sources directly (API, worker, CLI, benchmarks) with SWC,
// honouring tsconfig paths and decorator metadata, so no build step is needed.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
