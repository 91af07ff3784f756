import zlib from 'node:zlib';
import { fixPdfTextLayer, type Flate } from '../../src-core/export/pdf-text-layer';

const NODE_FLATE: Flate = {
  inflate: (data) => zlib.inflateSync(data),
  deflate: (data) => zlib.deflateSync(data),
};

/**
 * The PDF Chromium printed from `html`, with a text layer that reads as the page does: the CJK radicals Chromium
 * writes into the fonts' ToUnicode maps in place of ideographs (⻔ for 门, ⽀ for 支) pointed back at the ideographs
 * (see fixPdfTextLayer). Every PDF the app and the CLI write goes through this.
 */
export function withReadableText(pdf: Uint8Array, html: string): Uint8Array {
  return fixPdfTextLayer(pdf, html, NODE_FLATE).pdf;
}
