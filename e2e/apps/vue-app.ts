import { createApp, defineComponent, h, onMounted, onUnmounted, ref } from 'vue';
import { actions, BOX, initial, LEADS, publish, TICK_MS, tickerText, type Action } from './story';

const App = defineComponent(() => {
  const state = ref(initial);
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => (timer = setInterval(() => (state.value = actions.tick(state.value)), TICK_MS)));
  onUnmounted(() => clearInterval(timer));
  const button = (action: Action) => h('button', { id: action, onClick: () => (state.value = actions[action](state.value)) }, action);
  return () => {
    const s = state.value;
    // Vue writes the DOM in the same job as this render.
    queueMicrotask(() => publish(s));
    return h('main', [
      h('nav', [button('swap'), button('reverse'), button('hide')]),
      h('div', { id: 'view' }, [
        h('p', { id: 'lead' }, LEADS[s.lead]),
        h('ul', { id: 'items' }, s.items.map((i) => h('li', { key: i.id }, i.text))),
        s.box ? h('section', { id: 'box' }, [h('p', BOX)]) : null,
        h('p', { id: 'ticker' }, tickerText(s.ticks)),
      ]),
    ]);
  };
});

createApp(App).mount('#root');
