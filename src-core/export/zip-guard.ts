import { isWorksheetPart, MAX_SHEET_BYTES, SheetCounter } from './sheet-count';

/** Limits for a workbook anyone could have typed: beyond them it is refused before it is unpacked. */
export const XLSX_LIMITS = {
  maxFileBytes: 30 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxRatio: 150,
  maxEntries: 2000,
} as const;

/**
 * Looks at an .xlsx's bytes before any library unpacks them: is it a zip at all, is it whole, is it an encrypted
 * (OLE) workbook, would it unpack to something unreasonable (a zip bomb). Returns a Chinese message, or null if fine.
 */
export function checkXlsxBytes(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '文件是空的。';
  if (bytes.length > XLSX_LIMITS.maxFileBytes) {
    return `文件太大（${(bytes.length / 1024 / 1024).toFixed(1)} MB，上限 ${XLSX_LIMITS.maxFileBytes / 1024 / 1024} MB），没有读取。`;
  }
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => bytes[i] === b)) {
    return '这个文件设置了打开密码，或是旧版 .xls 格式。请在 Excel/WPS 中取消密码并另存为 .xlsx 后再导入。';
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
    return '这不是 Excel (.xlsx) 文件。请在 Excel/WPS 中另存为 .xlsx 后再导入。';
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(bytes);
  if (eocd < 0) return '文件不完整或已损坏（可能没有下载或复制完整），无法读取。';
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff) return '表格太大（ZIP64），不像是决算公开表，没有读取。';
  if (entries > XLSX_LIMITS.maxEntries) return '文件里的部件太多，不像是决算公开表，没有读取。';
  if (cdOffset + cdSize > eocd) return '文件不完整或已损坏，无法读取。';
  let p = cdOffset;
  let unpacked = 0;
  let packed = 0;
  let largestSheet = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50)
      return '文件已损坏（目录不完整），无法读取。';
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    if (size === 0xffffffff) return '表格太大，不像是决算公开表，没有读取。';
    unpacked += size;
    packed += compressed;
    const nameLength = view.getUint16(p + 28, true);
    if (isWorksheetPart(new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength))))
      largestSheet = Math.max(largestSheet, size);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  if (largestSheet > MAX_SHEET_BYTES)
    return `工作表解压后有 ${(largestSheet / 1024 / 1024).toFixed(0)} MB，远超决算公开表的规模，没有读取。`;
  if (unpacked > XLSX_LIMITS.maxUnpackedBytes) {
    return `表格解压后有 ${(unpacked / 1024 / 1024).toFixed(0)} MB，远超决算公开表的规模，没有读取。`;
  }
  if (packed > 0 && unpacked / packed > XLSX_LIMITS.maxRatio && unpacked > 20 * 1024 * 1024) {
    return '文件的压缩比异常（可能是恶意构造的压缩包），没有读取。';
  }
  return null;
}

interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressed: number;
  readonly declared: number;
  readonly localOffset: number;
}

function entriesOf(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(bytes);
  const out: ZipEntry[] = [];
  if (eocd < 0) return out;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count && p + 46 <= bytes.length; n++) {
    const nameLength = view.getUint16(p + 28, true);
    out.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      declared: view.getUint32(p + 24, true),
      localOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

/**
 * Inflates every entry for real, counting bytes, and stops at the first one that unpacks to more than its header
 * declares or than the limit: a zip's own size fields can lie, and the library that unpacks it next trusts them.
 * Returns a Chinese message, or null if the file is honest and of a reasonable size. Runs in the browser and Node
 * (DecompressionStream).
 */
export async function checkXlsxInflation(bytes: Uint8Array): Promise<string | null> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entriesOf(bytes)) {
    if (e.method === 0) {
      total += e.compressed;
      continue;
    }
    if (e.method !== 8) return `文件里有不认识的压缩方式（${e.name}），无法读取。`;
    const at = e.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50)
      return '文件已损坏（部件位置不对），无法读取。';
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + e.compressed));
    const counter = isWorksheetPart(e.name) ? new SheetCounter() : null;
    const sheet = `工作表部件“${e.name.replace(/^xl\/worksheets\//, '')}”`;
    const reader = new Blob([data as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'))
      .getReader();
    let size = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (counter) {
          // Counted as it streams: a sheet beyond any 决算 table is refused before the reader builds it in memory.
          counter.push(value);
          const tooBig = counter.tooBig(sheet);
          if (tooBig) {
            await reader.cancel();
            return tooBig;
          }
        }
        if (size > e.declared + 1024 || total + size > XLSX_LIMITS.maxUnpackedBytes) {
          await reader.cancel();
          return '文件解压后的大小与它自己声明的不符（可能是恶意构造的压缩包），没有读取。';
        }
      }
    } catch {
      return '文件已损坏（压缩数据不完整），无法读取。';
    }
    total += size;
  }
  return null;
}

/** Where the end-of-central-directory record starts: the last 22 bytes, or further back if the zip has a comment. */
function endOfCentralDirectory(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return i;
  }
  return -1;
}
