/** The text of a document file, or a Chinese message naming the encoding it is in instead. */
export type DecodedText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

const RESAVE = '请在记事本或 WPS 中“另存为”UTF-8 编码后再打开';

/**
 * Decodes a `*.gongkai.json` file's bytes. The app writes UTF-8 (a UTF-8 BOM is accepted); a file re-saved by another
 * program as UTF-16 (Notepad's “Unicode”) or GBK (ANSI on a Chinese Windows) is named as such rather than misread,
 * and bytes that are no text at all are said to be so, with where they are.
 */
export function decodeDocumentBytes(bytes: Uint8Array, fileName: string): DecodedText {
  const named = `“${fileName}”`;
  if (
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    looksUtf16(bytes)
  )
    return {
      ok: false,
      message: `${named}是 UTF-16 编码（记事本的“Unicode”），本软件的文件是 UTF-8 编码。${RESAVE}。`,
    };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // Not UTF-8: say what it is if we can tell.
  }
  if (isGbk(bytes))
    return {
      ok: false,
      message: `${named}是 GBK 编码（中文 Windows 的 ANSI），本软件的文件是 UTF-8 编码。${RESAVE}。`,
    };
  const at = firstBadByte(bytes);
  const line = countLines(bytes, at);
  return {
    ok: false,
    message: `${named}不是文本文件，或已损坏：第 ${line} 行（第 ${at + 1} 个字节）附近有无法识别的内容，没有打开。`,
  };
}

/** JSON (mostly ASCII) in UTF-16 without a BOM: every other byte of the first ones is zero. */
function looksUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64) & ~1;
  if (n < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  return Math.max(evenZeros, oddZeros) >= (n / 2) * 0.8;
}

function isGbk(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('gbk', { fatal: true }).decode(bytes);
    return /[\u4e00-\u9fa5]/.test(text);
  } catch {
    return false;
  }
}

function firstBadByte(bytes: Uint8Array): number {
  // Decode growing prefixes in steps; the step where decoding first fails holds the bad byte (stream mode leaves a
  // cut character pending rather than failing on it).
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const step = 4096;
  for (let at = 0; at < bytes.length; at += step) {
    try {
      decoder.decode(bytes.subarray(at, at + step), { stream: true });
    } catch {
      for (let i = at; i < Math.min(bytes.length, at + step); i++) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, i + 1), { stream: true });
        } catch {
          return i;
        }
      }
      return at;
    }
  }
  return bytes.length;
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
