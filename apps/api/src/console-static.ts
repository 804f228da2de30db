import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * First path segments of the console's own (Vietnamese) routes. They never collide with the
 * API's English paths, so a browser opening /nhiem-vu/… gets the console, and the same origin
 * serves both without a prefix on the API.
 */
export const CONSOLE_ROUTES = [
  'dang-nhap',
  'viec-can-lam',
  'nhiem-vu',
  'tong-quan',
  'ke-hoach',
  'ho-so',
  'kiem-tra',
  'bao-cao',
  'chi-so-cchc',
  'xep-hang',
  'nhat-ky',
  'quan-tri',
] as const;

/** Where `npm run build -w @cchc/console` writes the console. */
export function consoleDir(): string {
  return process.env.CONSOLE_DIR ?? join(process.cwd(), 'apps', 'console', 'dist');
}

/** Serves the built console at / (hashed assets cached for a year, index.html never). */
export function serveConsole(app: NestExpressApplication): void {
  const dir = consoleDir();
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Console').warn(`no console at ${dir}: run "npm run build:console"`);
    return;
  }
  app.useStaticAssets(join(dir, 'assets'), { prefix: '/assets/', immutable: true, maxAge: '1y' });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const segment = request.path.split('/')[1] ?? '';
    if (request.path !== '/' && !(CONSOLE_ROUTES as readonly string[]).includes(segment))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
