import fs from 'node:fs';
import path from 'node:path';
import { builtinFormSet, readDocument, type GongkaiDocument } from '../src-core';

/** The embedded sample, read as the app reads it. */
export function loadSampleDocument(): GongkaiDocument {
  const formSet = builtinFormSet();
  const text = fs.readFileSync(
    path.resolve(import.meta.dirname, '../samples/hanyang-media-center-2023.gongkai.json'),
    'utf8',
  );
  const r = readDocument(text, () => formSet);
  if (!r.ok) throw new Error(r.message);
  return r.document;
}
