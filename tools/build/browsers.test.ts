import { describe, expect, test } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { FIREFOX_MIN_VERSION, firefoxManifest, GECKO_ID, targetFor } from './browsers';

describe("Firefox's manifest from Chromium's", () => {
  const built = {
    ...manifest,
    background: { service_worker: 'service-worker-loader.js', type: 'module' },
    web_accessible_resources: [{ resources: ['assets/crossread-view.js'], matches: ['http://*/*'], use_dynamic_url: true }],
  };
  const firefox = firefoxManifest(built);

  test('the background is an event page running the same script', () => {
    expect(firefox.background).toEqual({ scripts: ['service-worker-loader.js'], type: 'module' });
  });

  test('it has a gecko id, the oldest Firefox with the Custom Highlight API, and says nothing is collected', () => {
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: FIREFOX_MIN_VERSION, data_collection_permissions: { required: ['none'] } },
    });
    expect(Number.parseFloat(FIREFOX_MIN_VERSION)).toBeGreaterThanOrEqual(140);
  });

  test('Chromium-only keys are dropped; everything else is kept as it was', () => {
    expect(firefox.minimum_chrome_version).toBeUndefined();
    expect(firefox.web_accessible_resources).toEqual([{ resources: ['assets/crossread-view.js'], matches: ['http://*/*'] }]);
    for (const key of ['name', 'version', 'description', 'permissions', 'content_scripts', 'action', 'options_ui', 'icons'] as const) expect(firefox[key]).toEqual(built[key]);
    expect(firefox).not.toHaveProperty('host_permissions');
  });

  test('applying it twice changes nothing (the build applies it to what crxjs wrote)', () => {
    expect(firefoxManifest(firefox)).toEqual(firefox);
  });

  test('the mode picks the build', () => {
    expect(targetFor('firefox').outDir).toBe('dist-firefox');
    expect(targetFor('production').outDir).toBe('dist');
  });
});
