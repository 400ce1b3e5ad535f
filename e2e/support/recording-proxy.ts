import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The only way out of a test browser: a page server that is also its HTTP(S) proxy, for every
 * address including loopback. It serves the test's pages at its own address and records the
 * address of every request that reaches it, by any context of the browser (pages, extension
 * pages, content scripts, the extension's worker or event page), while answering every other
 * address with a 404 and every HTTPS tunnel with a refusal: nothing leaves the machine.
 */
export interface RecordingProxy {
  /** The proxy's `host:port`, for the browser's proxy settings. */
  host: string;
  port: number;
  /** A page's address at this server. */
  url(path: string): string;
  /** Every address requested so far, in order (`https://host:port` for a tunnel). */
  requests: string[];
  close(): Promise<void>;
}

export async function recordingProxy(pages: Record<string, string>): Promise<RecordingProxy> {
  const requests: string[] = [];
  let origin = '';
  const server: Server = createServer((req, res) => {
    // A proxied request names its absolute address; a direct one only its path.
    const url = new URL(req.url ?? '/', origin);
    requests.push(url.href);
    const body = url.origin === origin ? pages[url.pathname] : undefined;
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  server.on('connect', (req, socket) => {
    requests.push(`https://${req.url ?? ''}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    host: '127.0.0.1',
    port,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
