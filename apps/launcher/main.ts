import { ChildProcess, fork } from 'node:child_process';
import { extname, join } from 'node:path';
import { loadConfig } from '@cchc/common';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { ensureConsoleBuilt } from './console-build';

/**
 * `npm start`: prepares the database once (create, migrate, demo ward), builds the web console
 * when its build is missing or stale, then runs the API (which serves the console) and the worker
 * side by side as two processes; if one stops, the other is stopped too, and the
 * launcher exits with the first failure's code.
 *
 * From the sources (`npm start`) it is the command of a developer machine, so NODE_ENV defaults
 * to development there (built-in JWT secret, demo ward, /docs). Compiled (`npm run start:prod`,
 * after `npm run build`) it runs the compiled API and worker with no transpiler, the settings
 * stay those of production, and the console must already be built.
 */
const compiled = extname(__filename) === '.js';

runMain(async () => {
  if (!compiled) process.env.NODE_ENV ??= 'development';
  const config = loadConfig();
  for (const step of await prepareRuntime(config, { seedDemo: true }))
    console.log(`start: ${step}`);
  if (!compiled && ensureConsoleBuilt(join(__dirname, '..', '..')) === 'built')
    console.log('start: console built');
  const register = join(__dirname, '..', '..', 'tools', 'register.js');
  const children: ChildProcess[] = ['api', 'worker'].map((app) =>
    compiled
      ? fork(join(__dirname, '..', app, 'src', 'main.js'))
      : fork(join(__dirname, '..', app, 'src', 'main.ts'), { execArgv: ['-r', register] }),
  );
  const stopAll = (signal: NodeJS.Signals) =>
    children.forEach((child) => child.exitCode === null && child.kill(signal));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal));
  for (const child of children) {
    child.on('exit', (code) => {
      stopAll('SIGTERM');
      if (!process.exitCode) process.exitCode = code ?? 0;
    });
  }
});
