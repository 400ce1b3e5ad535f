import { render } from 'preact';
import { loadSettings, saveSettings } from '../platform/runtime';
import { OptionsView } from '../ui/OptionsView';
import '../ui/marks.css';
import '../ui/pages.css';

/** The options page (manifest `options_ui`). */
render(<OptionsView actions={{ load: loadSettings, save: saveSettings }} />, document.getElementById('app')!);
