/**
 * A small live page, written once and rendered by React, Preact and Vue: a lead sentence whose
 * name changes, a keyed list that is reordered, a section that is unmounted, and a counter
 * that re-renders all the time, all with names Crossread marks. Each app renders `State` into
 * `#view` and keeps `window.__rendered` = what its view's text content must be.
 */
export interface State {
  lead: number;
  items: { id: number; text: string }[];
  box: boolean;
  ticks: number;
}

export const LEADS = ['Sergey Lavrov met reporters in Geneva.', 'John Kerry met reporters in Geneva.'];
export const BOX = 'Bashar al-Assad was not at the talks.';

export const initial: State = {
  lead: 0,
  items: [
    { id: 1, text: 'Aleppo waited for aid.' },
    { id: 2, text: 'Moscow backed the plan.' },
    { id: 3, text: 'Barack Obama was briefed.' },
  ],
  box: true,
  ticks: 0,
};

/** The counter re-renders every TICK_MS until it reaches LAST_TICK (a settled end state to compare pages by). */
export const TICK_MS = 25;
export const LAST_TICK = 120;

/** What the buttons do. */
export const actions = {
  swap: (s: State): State => ({ ...s, lead: 1 - s.lead }),
  reverse: (s: State): State => ({ ...s, items: [...s.items].reverse() }),
  hide: (s: State): State => ({ ...s, box: !s.box }),
  tick: (s: State): State => (s.ticks < LAST_TICK ? { ...s, ticks: s.ticks + 1 } : s),
};
export type Action = keyof typeof actions;

export const tickerText = (ticks: number): string => `Update ${ticks}: Aleppo is quiet.`;

/** The view's text content for a state: what the page must show, whatever ran in it. */
export function textOf(s: State): string {
  return LEADS[s.lead]! + s.items.map((i) => i.text).join('') + (s.box ? BOX : '') + tickerText(s.ticks);
}

/** Keeps `window.__rendered` = the text the app has just rendered (called once the framework wrote the DOM). */
export function publish(s: State): void {
  (window as { __rendered?: string }).__rendered = textOf(s);
}

/** The little of React's and Preact's hook APIs the app uses, alike in both. */
export interface HookFramework {
  h(type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): unknown;
  useState<S>(initial: S): [S, (next: (s: S) => S) => void];
  useEffect(effect: () => () => void, deps: unknown[]): void;
  useLayoutEffect(effect: () => void): void;
}

/** The app as one hook component, for React and Preact alike. */
export function hookApp({ h, useState, useEffect, useLayoutEffect }: HookFramework): () => unknown {
  return function App() {
    const [state, setState] = useState(initial);
    useEffect(() => {
      const timer = setInterval(() => setState((s) => actions.tick(s)), TICK_MS);
      return () => clearInterval(timer);
    }, []);
    // After the framework has written the DOM, in the same task.
    useLayoutEffect(() => publish(state));
    const button = (action: Action) => h('button', { id: action, onClick: () => setState((s) => actions[action](s)) }, action);
    return h(
      'main',
      null,
      h('nav', null, button('swap'), button('reverse'), button('hide')),
      h(
        'div',
        { id: 'view' },
        h('p', { id: 'lead' }, LEADS[state.lead]),
        h('ul', { id: 'items' }, state.items.map((i) => h('li', { key: i.id }, i.text))),
        state.box ? h('section', { id: 'box' }, h('p', null, BOX)) : null,
        h('p', { id: 'ticker' }, 'Update ', state.ticks, ': Aleppo is quiet.'),
      ),
    );
  };
}
