// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { observeChanges, type PageChanges } from './observer';

const settle = () => new Promise((r) => setTimeout(r, 40));
let controller: AbortController;
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

function watch(): PageChanges[] {
  controller = new AbortController();
  const batches: PageChanges[] = [];
  observeChanges(document.body, (changes) => batches.push(changes), controller.signal, 10);
  return batches;
}

describe('observeChanges', () => {
  it('hands over added content in one batch, without nodes nested in other added nodes', async () => {
    const batches = watch();
    const section = document.createElement('section');
    document.body.append(section);
    const p = document.createElement('p');
    section.append(p);
    const q = document.createElement('p');
    document.body.append(q);
    await settle();
    expect(batches).toEqual([{ changed: [section, q], removed: false }]);
  });

  it('reports edited text and removals, and drops nodes removed before the batch runs', async () => {
    document.body.innerHTML = '<p>old</p>';
    const batches = watch();
    const text = document.body.firstChild!.firstChild as Text;
    text.data = 'new Kerry';
    const gone = document.createElement('div');
    document.body.append(gone);
    gone.remove();
    await settle();
    expect(batches).toEqual([{ changed: [text], removed: true }]);
  });

  it('reports a removal on its own', async () => {
    document.body.innerHTML = '<p>a</p><p>b</p>';
    const batches = watch();
    document.body.lastChild!.remove();
    await settle();
    expect(batches).toEqual([{ changed: [], removed: true }]);
  });

  it('turns a very large batch into one pass over the root', async () => {
    const batches = watch();
    for (let i = 0; i < 400; i++) document.body.append(document.createElement('p'));
    await settle();
    expect(batches).toEqual([{ changed: [document.body], removed: false }]);
  });

  it('stops on abort', async () => {
    const batches = watch();
    controller.abort();
    document.body.append(document.createElement('p'));
    await settle();
    expect(batches).toEqual([]);
  });
});
