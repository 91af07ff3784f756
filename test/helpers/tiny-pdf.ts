/**
 * A minimal PDF with a page tree and named destinations, laid out as Chromium's PDF writer lays its files out
 * (classic xref table, plain dictionaries), for tests of the 目录 page numbers that need no browser.
 */
export function tinyPdf(options: {
  /** Page counts of the page tree's leaves' parents: [2, 3] is a root with two /Pages nodes of 2 and 3 pages. */
  readonly tree: readonly number[];
  /** Destination name → page (1-based). */
  readonly dests: Readonly<Record<string, number>>;
  /** Write them as a /Names name tree of /D dictionaries instead of the catalog's /Dests. */
  readonly nameTree?: boolean;
}): Uint8Array {
  const objects: string[] = [];
  // Object numbers count from 1, so the new length is the new object's number.
  const add = (body: string) => objects.push(body);
  const reserve = () => add('');
  const root = reserve();
  const pageIds: number[] = [];
  const nodes = options.tree.map((count) => {
    const node = reserve();
    const kids: number[] = [];
    for (let i = 0; i < count; i++) {
      const page = add(`<</Type /Page /Parent ${node} 0 R /MediaBox [0 0 595 842]>>`);
      kids.push(page);
      pageIds.push(page);
    }
    objects[node - 1] =
      `<</Type /Pages /Parent ${root} 0 R /Count ${count} /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}]>>`;
    return node;
  });
  objects[root - 1] =
    `<</Type /Pages /Count ${pageIds.length} /Kids [${nodes.map((k) => `${k} 0 R`).join(' ')}]>>`;
  const dest = (page: number) => `[${pageIds[page - 1]} 0 R /XYZ 0 800 0]`;
  const names = Object.entries(options.dests);
  let catalog: string;
  if (options.nameTree) {
    const leaf = add(
      `<</Limits [(a) (z)] /Names [${names.map(([n, p]) => `(${n}) <</D ${dest(p)}>>`).join(' ')}]>>`,
    );
    const tree = add(`<</Kids [${leaf} 0 R]>>`);
    catalog = `<</Type /Catalog /Pages ${root} 0 R /Names <</Dests ${tree} 0 R>>>>`;
  } else {
    const dests = add(`<<${names.map(([n, p]) => `/${n} ${dest(p)}`).join('\n')}>>`);
    catalog = `<</Type /Catalog /Pages ${root} 0 R /Dests ${dests} 0 R>>`;
  }
  const catalogId = add(catalog);
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<</Size ${objects.length + 1}\n/Root ${catalogId} 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}
