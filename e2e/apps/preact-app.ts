import { h, render } from 'preact';
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { hookApp, type HookFramework } from './story';

const App = hookApp({ h, useState, useEffect, useLayoutEffect } as unknown as HookFramework);
render(h(App as () => null, null), document.getElementById('root')!);
