import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page server on 127.0.0.1 (content scripts do not run on file:// by default). */
export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

/** Serves the given HTML pages by path; anything else is a 404. */
export async function servePages(pages: Record<string, string>): Promise<PageServer> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const body = pages[path];
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    // Browsers keep connections open; without closing them, close() would wait for the browser.
    close: () =>
      new Promise((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
