import type { TableTemplate } from './schema';

/** The placeholders a table's title block may use: filled from the document's 单位信息 and the table. */
export const TITLE_PLACEHOLDERS = ['单位', '年度', '表名', '金额单位'] as const;

/** How the lines above a table print (the national forms' when a table declares none). */
const NATIONAL = {
  title: '{年度}年度{表名}',
  department: true,
  moneyUnit: '金额单位：{金额单位}',
} as const;

/** The lines above a table as its form prints them, filled in for one document. */
export interface TitleBlock {
  /** A line above the title (上海: 上海市XX局2024年度部门决算表); undefined when the form prints none. */
  readonly heading?: string;
  /** 2023年度收入支出决算总表 (national), 收入支出决算总表 (上海). */
  readonly title: string;
  /** 公开01表 where the form prints its code. */
  readonly code?: string;
  /** 部门：… where the form prints it. */
  readonly department?: string;
  /** 金额单位：万元 (national), 单位：万元 (上海). */
  readonly moneyUnit: string;
}

/**
 * The title block of a table for a document's unit: the profile's `titleBlock` patterns (or the national forms'
 * layout) with {单位}, {年度}, {表名} and {金额单位} filled in. The grid, the PDF and the Excel export print it alike.
 */
export function titleBlockOf(
  template: TableTemplate,
  unit: { readonly name: string; readonly year: number; readonly moneyUnit: string },
): TitleBlock {
  const spec = template.titleBlock;
  const fill = (pattern: string) =>
    pattern
      .replaceAll('{单位}', unit.name)
      .replaceAll('{年度}', String(unit.year))
      .replaceAll('{表名}', template.title)
      .replaceAll('{金额单位}', unit.moneyUnit);
  const department = spec?.department ?? NATIONAL.department;
  return {
    ...(spec?.heading ? { heading: fill(spec.heading) } : {}),
    title: fill(spec?.title ?? NATIONAL.title),
    ...(template.printCode === false ? {} : { code: template.code }),
    ...(department ? { department: `部门：${unit.name}` } : {}),
    moneyUnit: fill(spec?.moneyUnit ?? NATIONAL.moneyUnit),
  };
}

/** Problems of a table's title block patterns: each {placeholder} must be one the code fills in. */
export function titleBlockProblems(template: TableTemplate): string[] {
  const spec = template.titleBlock;
  if (!spec) return [];
  const known = new Set<string>(TITLE_PLACEHOLDERS);
  const problems: string[] = [];
  for (const [what, pattern] of [
    ['heading', spec.heading],
    ['title', spec.title],
    ['moneyUnit', spec.moneyUnit],
  ] as const) {
    if (pattern === undefined) continue;
    for (const [, key] of pattern.matchAll(/\{([^}]*)\}/g))
      if (!known.has(key as string))
        problems.push(
          `${template.code} titleBlock.${what}：不认识的占位符 {${key}}（可用：${TITLE_PLACEHOLDERS.map((k) => `{${k}}`).join('、')}）`,
        );
  }
  return problems;
}
