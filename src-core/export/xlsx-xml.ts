// The little XML an .xlsx needs, written and read without a DOM: escaping on the way out, entity and OOXML `_xHHHH_`
// decoding on the way in, and attribute lists of one tag.

/** Characters XML 1.0 cannot carry at all (control characters but tab, line feed, carriage return; U+FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const SPECIAL = /[&<>"']/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Text for an element or an attribute: the five special characters escaped, characters XML cannot carry dropped (as
 * exceljs did: a stray control character pasted from another program must not make the file unreadable).
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(SPECIAL, (c) => ESCAPES[c] as string);
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Element text or an attribute value as written: entities and character references decoded. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return NAMED[name] as string;
    const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML's escape for characters XML cannot carry in a string (`_x000D_`), as Excel writes it. */
export function decodeOoxmlString(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text (after its name), by local name (a prefix such as `r:` dropped). */
export function attributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(ATTRIBUTE)) {
    const name = m[1] as string;
    const local = name.slice(name.indexOf(':') + 1);
    const value = decodeXml(m[2] ?? m[3] ?? '');
    out.set(name, value);
    if (local !== name && !out.has(local)) out.set(local, value);
  }
  return out;
}
