import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { formSetFor, readDocument } from '../src-core';
import sampleText from '../samples/hanyang-media-center-2023.gongkai.json?raw';
import { App } from './App';
import { getHost } from './host/get-host';
import { EditorStore } from './state/editor-store';
import './styles/app.css';

// Startup phases for `npm run bench:ui` (cold load): the code loaded and evaluated, the sample read, the store built.
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

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App store={store} host={host} />
  </StrictMode>,
);
