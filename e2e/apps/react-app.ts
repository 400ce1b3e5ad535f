import { createElement, useEffect, useLayoutEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { hookApp, type HookFramework } from './story';

const App = hookApp({ h: createElement, useState, useEffect, useLayoutEffect } as unknown as HookFramework);
createRoot(document.getElementById('root')!).render(createElement(App as () => null));
