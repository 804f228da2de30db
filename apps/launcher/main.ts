import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from '@cchc/common';
import { prepareRuntime, runMain } from '@cchc/runtime';
import { ensureConsoleBuilt } from './console-build';

/**
 * `npm start`: prepares the database once (create, migrate, demo ward), builds the web console
 * when its build is missing or stale, then runs the API (which serves the console) and the worker
 * side by side as two processes; if one stops, the other is stopped too, and the
 * launcher exits with the first failure's code.
 *
 * It is the command of a developer machine, so NODE_ENV defaults to development here (built-in
 * JWT secret, demo ward, /docs); a server sets NODE_ENV=production and JWT_SECRET.
 */
runMain(async () => {
  process.env.NODE_ENV ??= 'development';
  const config = loadConfig();
  for (const step of await prepareRuntime(config, { seedDemo: true }))
    console.log(`start: ${step}`);
  if (ensureConsoleBuilt(join(__dirname, '..', '..')) === 'built')
    console.log('start: console built');
  const register = join(__dirname, '..', '..', 'tools', 'register.js');
  const children: ChildProcess[] = ['api', 'worker'].map((app) =>
    fork(join(__dirname, '..', app, 'src', 'main.ts'), { execArgv: ['-r', register] }),
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
