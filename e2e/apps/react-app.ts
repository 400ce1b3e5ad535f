import { createElement as h, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { actions, BOX, initial, LEADS, publish, TICK_MS, type Action } from './story';

function App() {
  const [state, setState] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setState((s) => actions.tick(s)), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  // After React has written the DOM, in the same task.
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
}

createRoot(document.getElementById('root')!).render(h(App));
