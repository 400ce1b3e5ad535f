// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { observeAdditions } from './observer';

const settle = () => new Promise((r) => setTimeout(r, 40));
let controller: AbortController;
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

function watch(): Node[][] {
  controller = new AbortController();
  const batches: Node[][] = [];
  observeAdditions(document.body, (nodes) => batches.push(nodes), controller.signal, 10);
  return batches;
}

describe('observeAdditions', () => {
  it('hands over added content in one batch, without nodes nested in other added nodes', async () => {
    const batches = watch();
    const section = document.createElement('section');
    document.body.append(section);
    const p = document.createElement('p');
    section.append(p);
    const q = document.createElement('p');
    document.body.append(q);
    await settle();
    expect(batches).toEqual([[section, q]]);
  });

  it('reports edited text and drops nodes removed before the batch runs', async () => {
    document.body.innerHTML = '<p>old</p>';
    const batches = watch();
    const text = document.body.firstChild!.firstChild as Text;
    text.data = 'new Kerry';
    const gone = document.createElement('div');
    document.body.append(gone);
    gone.remove();
    await settle();
    expect(batches).toEqual([[text]]);
  });

  it('turns a very large batch into one pass over the root', async () => {
    const batches = watch();
    for (let i = 0; i < 400; i++) document.body.append(document.createElement('p'));
    await settle();
    expect(batches).toEqual([[document.body]]);
  });

  it('ignores the mutations its own callback makes, and stops on abort', async () => {
    controller = new AbortController();
    let calls = 0;
    observeAdditions(document.body, () => {
      calls++;
      document.body.append(document.createElement('i'));
    }, controller.signal, 10);
    document.body.append(document.createElement('p'));
    await settle();
    await settle();
    expect(calls).toBe(1);
    controller.abort();
    document.body.append(document.createElement('p'));
    await settle();
    expect(calls).toBe(1);
  });
});
