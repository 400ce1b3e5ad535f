import { describe, expect, it, vi } from 'vitest';
import { afterRenderedFrame, whenIdle, type IdleScheduler } from './idle';

/** A scheduler that records what it was asked and runs callbacks when told. */
function fakeScheduler(withIdle: boolean) {
  const idle: { callback: () => void; timeout: number | undefined }[] = [];
  const timers: (() => void)[] = [];
  const cancelled: number[] = [];
  const scheduler: IdleScheduler = {
    setTimeout: (callback) => timers.push(callback),
    clearTimeout: () => {},
    ...(withIdle && {
      requestIdleCallback: (callback: () => void, options?: { timeout: number }) => idle.push({ callback, timeout: options?.timeout }) - 1,
      cancelIdleCallback: (handle: number) => void cancelled.push(handle),
    }),
  };
  return { scheduler, idle, timers, cancelled };
}

describe('whenIdle', () => {
  it('waits for an idle period, with a timeout so the first scan is never put off for long', async () => {
    const { scheduler, idle, timers } = fakeScheduler(true);
    const done = vi.fn();
    const waiting = whenIdle(scheduler, 400).then(done);
    await Promise.resolve();
    expect(idle.map((i) => i.timeout)).toEqual([400]);
    expect(timers).toHaveLength(0);
    expect(done).not.toHaveBeenCalled();
    idle[0]!.callback();
    await waiting;
    expect(done).toHaveBeenCalledWith(true);
  });

  it('falls back to a zero timeout where the browser has no requestIdleCallback', async () => {
    const { scheduler, timers } = fakeScheduler(false);
    const waiting = whenIdle(scheduler, 400);
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(await waiting).toBe(true);
  });

  it('resolves false and cancels the callback when the content script’s life ends first', async () => {
    const { scheduler, idle, cancelled } = fakeScheduler(true);
    const life = new AbortController();
    const waiting = whenIdle(scheduler, 400, life.signal);
    life.abort();
    expect(await waiting).toBe(false);
    expect(cancelled).toEqual([0]);
    idle[0]!.callback();
    expect(await whenIdle(scheduler, 400, life.signal)).toBe(false);
  });

  it('runs on the real timers of the test environment', async () => {
    expect(await whenIdle(globalThis as unknown as IdleScheduler, 50)).toBe(true);
  });

  it('waits for a rendered frame (the task after the next animation frame), or the timeout in a tab that renders none', async () => {
    const frames: (() => void)[] = [];
    const timers: { callback: () => void; ms: number }[] = [];
    const scheduler: IdleScheduler = {
      requestAnimationFrame: (callback) => frames.push(callback),
      setTimeout: (callback, ms) => timers.push({ callback, ms }),
      clearTimeout: () => {},
    };
    const done = vi.fn();
    void afterRenderedFrame(scheduler, 200).then(done);
    expect(timers.map((t) => t.ms)).toEqual([200]);
    frames[0]!();
    expect(timers.map((t) => t.ms)).toEqual([200, 0]);
    await Promise.resolve();
    expect(done).not.toHaveBeenCalled();
    timers[1]!.callback();
    await Promise.resolve();
    expect(done).toHaveBeenCalledTimes(1);
    timers[0]!.callback();
    await Promise.resolve();
    expect(done).toHaveBeenCalledTimes(1);

    const hidden: IdleScheduler = { setTimeout: (callback, ms) => timers.push({ callback, ms }), clearTimeout: () => {}, requestAnimationFrame: () => 0 };
    const late = afterRenderedFrame(hidden, 200);
    timers.at(-1)!.callback();
    await late;
  });
});
