import { formSetFor, readDocument } from '../src-core';
import sampleText from '../samples/hanyang-media-center-2023.gongkai.json?raw';
import { getHost } from './host/get-host';
import { EditorStore } from './state/editor-store';
import './styles/app.css';

// The UI's code (React, AG Grid, the views) is most of the bytes: it is fetched and compiled in the background
// (index.html preloads it: vite.config.ts) while this smaller part reads the sample and builds the engine.
const ui = import('./mount-app');

// Startup phases for `npm run bench:ui` (cold load): this part's code loaded and evaluated, the sample read, the
// store built, the UI's code ready (mount-app), the first grid.
performance.mark('gongkai:modules');
const sample = readDocument(sampleText, formSetFor);
if (!sample.ok) throw new Error(sample.message);
performance.mark('gongkai:read');
const host = getHost();
// The embedded sample is the default document: something real to look at and try.
const store = new EditorStore(sample.document, {
  filePath: null,
  fileName: '示例：汉阳区融媒体中心2023.gongkai.json',
});
performance.mark('gongkai:store');
(window as unknown as { gongkaiStore?: EditorStore }).gongkaiStore = store;

void ui.then(({ mountApp }) => mountApp(document.getElementById('root') as HTMLElement, store, host));
