import type { GongkaiDocument } from '../document/types';
import type { FormSet, StatementPhrases } from '../template';
import { originalSpan, type Normalised } from './sentences';
import type { TextFinding } from './text-check';

interface Where {
  readonly phrases: StatementPhrases;
  readonly doc: GongkaiDocument;
  readonly section: string;
  readonly paragraph: number;
  readonly location: string;
  /** The section-wide id of a finding: `base`, or `base#n` for the n-th of the same (see textReport). */
  readonly stableId: (base: string) => string;
}

/**
 * The mistakes reviewers find in published 情况说明 that are not a number against a table: template placeholders
 * left in (XXX, ××, 某某, 请填写, （略）), a word or punctuation doubled (增加增加, 。。), percentages with more than
 * two decimals, a year that is not this 决算's, a change stated with no 主要原因, another unit's name, and 部门 /
 * 单位 wording mixed.
 */
export function textMistakes(raw: string, n: Normalised, where: Where): TextFinding[] {
  const phrases = where.phrases;
  const text = n.text;
  const out: TextFinding[] = [];
  const add = (start: number, end: number, severity: 'error' | 'warning', what: string, tag: string) => {
    const span = originalSpan(n, start, end);
    out.push({
      id: where.stableId(`mistake:${tag}:${where.section}:${raw.slice(span.start, span.end)}`),
      kind: 'mistake',
      severity,
      section: where.section,
      paragraph: where.paragraph,
      ...span,
      location: where.location,
      written: raw.slice(span.start, span.end),
      message: `${where.location}：“${raw.slice(span.start, span.end)}”${what}`,
    });
  };

  // Placeholders: the longest first, each stretch reported once.
  const taken: [number, number][] = [];
  const placeholders = [...phrases.placeholders].sort((a, b) => b.length - a.length);
  for (const ph of placeholders) {
    const latin = /^[A-Za-z]+$/.test(ph);
    for (let at = text.indexOf(ph); at >= 0; at = text.indexOf(ph, at + ph.length)) {
      const end = at + ph.length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      // XX inside a Latin word (XXL, TXXT) is not a placeholder.
      if (latin && (/[A-Za-z]/.test(text[at - 1] ?? '') || /[A-Za-z]/.test(text[end] ?? ''))) continue;
      taken.push([at, end]);
      add(at, end, 'error', '是模板的占位文字，发布前要换成实际内容。', 'placeholder');
    }
  }

  // Doubled words and punctuation (…… is the ellipsis, not a doubling).
  for (const m of text.matchAll(/([\u4e00-\u9fa5]{2,4})\1/g))
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, 'warning', `重复了“${m[1]}”。`, 'doubled');
  for (const m of text.matchAll(/([。，；：、！？])\1+/g))
    add(m.index ?? 0, (m.index ?? 0) + m[0].length, 'warning', '标点重复。', 'punctuation');

  for (const m of text.matchAll(/\d+\.\d{3,}%/g))
    add(
      m.index ?? 0,
      (m.index ?? 0) + m[0].length,
      'warning',
      '百分比超过两位小数，公开文本一般保留两位。',
      'decimals',
    );

  // A year that is not this 决算's nor last year's (a copied paragraph); a date after the year end is normal.
  const year = where.doc.unit.year;
  for (const m of text.matchAll(/(\d{4})年(度)?/g)) {
    const y = Number(m[1]);
    const wrong = y < year - 1 || y > year + 1 || (y === year + 1 && m[2] === '度');
    if (wrong)
      add(m.index ?? 0, (m.index ?? 0) + m[0].length, 'warning', `不是本决算的年度（${year}年度）。`, 'year');
  }

  // A change against last year with no cause given in the paragraph.
  const w = phrases.words;
  const change = new RegExp(`(?:${[...w.up, ...w.down].join('|')})\\d[\\d.,]*万元`);
  const m = change.exec(text);
  if (
    m &&
    !/(?:增加|减少|增长|下降|增|减)0(?:\.0+)?万元/.test(m[0]) &&
    !w.reason.some((r) => text.includes(r))
  ) {
    const compares = w.compare.some((c) => text.includes(c));
    if (compares)
      add(m.index, m.index + m[0].length, 'warning', '说明了增减变化，但本段没有写主要原因。', 'reason');
  }

  // Another unit's name: the unit's own region prefix followed by a different organisation name.
  const unitName = where.doc.unit.name.replace(/\s/g, '');
  const region = /^(.*?[省市区县州旗])/.exec(unitName)?.[1];
  if (region && region.length >= 2 && phrases.unitSuffixes) {
    const suffix = phrases.unitSuffixes.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const re = new RegExp(
      `${region.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\u4e00-\\u9fa5]{1,20}?(?:${suffix})`,
      'g',
    );
    for (const u of text.matchAll(re)) {
      if (unitName.startsWith(u[0]) || u[0].startsWith(unitName)) continue;
      add(
        u.index ?? 0,
        (u.index ?? 0) + u[0].length,
        'warning',
        `不是本单位（${unitName}）的名称，是否从别的单位的文本复制而来？`,
        'unit',
      );
    }
  }
  return out;
}

/**
 * 部门决算 and 单位决算 mixed in one publication: the wording used less often is reported where it stands.
 */
export function mixedDocumentKind(formSet: FormSet, doc: GongkaiDocument): TextFinding[] {
  const kinds = formSet.publication.statements?.documentKinds;
  if (!kinds || kinds.length < 2) return [];
  const places: { kind: string; section: string; p: number; at: number }[] = [];
  for (const [key, content] of Object.entries(doc.sections ?? {}))
    content.paragraphs.forEach((text, p) => {
      for (const kind of kinds)
        for (let at = text.indexOf(kind); at >= 0; at = text.indexOf(kind, at + 1))
          places.push({ kind, section: key, p, at });
    });
  const counts = kinds.map((k) => places.filter((x) => x.kind === k).length);
  if (counts.filter((c) => c > 0).length < 2) return [];
  const main = kinds[counts.indexOf(Math.max(...counts))] as string;
  const seen = new Map<string, number>();
  return places
    .filter((x) => x.kind !== main)
    .map((x) => ({
      // Numbered within its section, not by offset: a 说明 on it survives edits elsewhere.
      id: `mistake:kind:${x.section}:${x.kind}#${seen.set(x.section, (seen.get(x.section) ?? 0) + 1).get(x.section)}`,
      kind: 'mistake' as const,
      severity: 'warning' as const,
      section: x.section,
      paragraph: x.p,
      start: x.at,
      end: x.at + x.kind.length,
      location: `${x.section} 第${x.p + 1}段`,
      written: x.kind,
      message: `文本多处写“${main}”，此处写成了“${x.kind}”（部门决算与单位决算的说法要一致）。`,
    }));
}
