import { INestApplication } from '@nestjs/common';
import { Server } from 'node:http';

/**
 * How long an idle keep-alive connection stays open: longer than a proxy's or a client's own idle
 * timeout (nginx's upstream keepalive and load balancers: 60 s), so that the client closes first.
 * With Node's 5 s, a client starved of CPU could send a request on a connection the API was
 * closing that instant and get "other side closed" (twice in the multi-process test under CI).
 */
export const KEEP_ALIVE_MS = 65_000;

/** Idle connections kept KEEP_ALIVE_MS, and request headers allowed a little longer, as Node asks. */
export function useKeepAlive(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
}

/**
 * The app closing as a graceful stop wants it: Nest's close waits for the requests in flight,
 * and each connection is closed as soon as it falls idle (the server closes only those idle when
 * the close starts; the others would be held for KEEP_ALIVE_MS).
 */
export function closingIdleConnections(app: INestApplication): { close(): Promise<unknown> } {
  return {
    close: async () => {
      const server = app.getHttpServer() as Server;
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      try {
        return await app.close();
      } finally {
        clearInterval(sweep);
      }
    },
  };
}
