/// <reference lib="webworker" />
import { buildPackFromFiles } from '../corpus/build-from-files';
import type { BuildReply, BuildRequest } from './pack-build-protocol';

/**
 * The pack-build worker of the options page: the command line's corpus → pack build
 * (`buildPackFromFiles`, the same code) on the files a reader dropped, off the page's main
 * thread. One build per worker: the page cancels by terminating it. Nothing leaves the
 * machine: the files come as Blobs, the pack goes back as a message.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: BuildReply) => scope.postMessage(message);

scope.addEventListener('message', (event: MessageEvent<BuildRequest>) => {
  const { files, format, columns } = event.data;
  void (async () => {
    try {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
      const { pack, notes } = await buildPackFromFiles(read, {
        ...(format ? { format } : {}),
        ...(columns ? { columns } : {}),
        onProgress: (progress) => reply({ type: 'progress', progress }),
      });
      reply({ type: 'built', pack, notes });
    } catch (err) {
      reply({ type: 'failed', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
