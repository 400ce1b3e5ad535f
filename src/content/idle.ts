/** What `whenIdle` needs of a window (a test passes its own). */
export interface IdleScheduler {
  requestAnimationFrame?: (callback: () => void) => number;
  requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
  cancelIdleCallback?: (handle: number) => void;
  setTimeout: (callback: () => void, ms: number) => unknown;
  clearTimeout: (handle: never) => void;
}

/**
 * How long the first scan may wait for the page to go idle. A page that never idles still
 * gets its marks within a second of the content script starting: this wait (after at most
 * FIRST_FRAME_TIMEOUT_MS for a rendered frame), then loading the
 * scan module and the matcher (a few milliseconds each), then the first slices of the scan.
 */
export const FIRST_SCAN_IDLE_TIMEOUT_MS = 300;

/** How long the first scan waits at most for the page's first rendered frame (see afterRenderedFrame). */
export const FIRST_FRAME_TIMEOUT_MS = 200;

/**
 * Resolves when the browser next has an idle period (`requestIdleCallback`), or after
 * `timeoutMs` at the latest; where there is no `requestIdleCallback`, after a zero timeout.
 * Resolves false (and never calls back) once `signal` aborts.
 */
export function whenIdle(scheduler: IdleScheduler, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    let cancel: () => void;
    const done = () => {
      signal?.removeEventListener('abort', aborted);
      resolve(true);
    };
    const aborted = () => {
      cancel();
      resolve(false);
    };
    if (typeof scheduler.requestIdleCallback === 'function') {
      const handle = scheduler.requestIdleCallback(done, { timeout: timeoutMs });
      cancel = () => scheduler.cancelIdleCallback?.(handle);
    } else {
      const handle = scheduler.setTimeout(done, 0);
      cancel = () => scheduler.clearTimeout(handle as never);
    }
    signal?.addEventListener('abort', aborted, { once: true });
  });
}

/**
 * Resolves after the browser has rendered a frame of the page (the task after the next
 * animation frame), or after `timeoutMs` at the latest (a hidden tab renders no frames).
 * Reading styles or layout after that finds them computed already; before it, the first
 * `checkVisibility` or `elementFromPoint` would compute them inside Crossread's own task, and
 * on a large page that alone makes a long task.
 */
export function afterRenderedFrame(scheduler: IdleScheduler, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve();
    };
    scheduler.setTimeout(finish, timeoutMs);
    scheduler.requestAnimationFrame?.(() => scheduler.setTimeout(finish, 0));
  });
}
