import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the web console when its build is missing or older than any of its sources, so that
 * `npm start` always serves the console the checkout holds, with no extra command.
 */
export function ensureConsoleBuilt(root: string): 'built' | 'current' {
  const consoleRoot = join(root, 'apps', 'console');
  const built = join(consoleRoot, 'dist', 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newestSource(consoleRoot)) return 'current';
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build:console'], {
    cwd: root,
    stdio: 'inherit',
  });
  return 'built';
}

function newestSource(consoleRoot: string): number {
  const files = [
    'index.html',
    'vite.config.ts',
    'package.json',
    ...readdirSync(join(consoleRoot, 'src'), { recursive: true, encoding: 'utf8' }).map((file) =>
      join('src', file),
    ),
  ];
  return Math.max(...files.map((file) => statSync(join(consoleRoot, file)).mtimeMs));
}
