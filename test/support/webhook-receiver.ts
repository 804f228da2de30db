import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedCall {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { deliveryId: string; type: string; key: string; data: Record<string, unknown> };
}

/**
 * A local HTTP server (127.0.0.1) standing in for another system's webhook endpoint; it records
 * every call and answers with the status `respond` picks (200 unless told otherwise).
 */
export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  respond: (call: ReceivedCall) => number = () => 200;
  private server: Server | null = null;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const call = { headers: request.headers, raw, body: JSON.parse(raw) };
        this.calls.push(call);
        response.statusCode = this.respond(call);
        response.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** How many calls carried each event key. */
  countsByKey(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const call of this.calls) counts.set(call.body.key, (counts.get(call.body.key) ?? 0) + 1);
    return counts;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
