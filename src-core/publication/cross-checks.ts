import { Decimal } from '../money';
import type { CellAddress, GongkaiDocument } from '../document/types';
import type { Workbook } from '../engine';
import type { FormSet } from '../template';
import { cellLocation, publicationMetrics, resolveReference, toWanyuan } from './metrics';
import { figure } from './text-format';

/** A disagreement between tables, or between 补充数据 and the tables, that the tables' own rules cannot state. */
export interface CrossFinding {
  readonly id: string;
  readonly kind: 'crossTable' | 'facts';
  readonly severity: 'error' | 'warning';
  /** 公开06表/公开09表, 补充数据. */
  readonly location: string;
  readonly message: string;
  readonly cell?: CellAddress;
}

/**
 * The 三公 items of 基本支出 (公开06表 30212, 30217, 30231, 31013) against the matching 公开09表 决算 column — the
 * 06 figure may be smaller (三公 may also be paid from 项目支出) but never larger; 机关运行经费 against 公用经费;
 * 政府采购 货物+工程+服务 = 总额 and 授予中小企业 ≤ 总额 ≥ … in 补充数据. Codes and columns come from the profile.
 */
export function crossChecks(formSet: FormSet, wb: Workbook, doc: GongkaiDocument): CrossFinding[] {
  const phrases = formSet.publication.statements;
  if (!phrases) return [];
  const out: CrossFinding[] = [];
  const read = (ref: string) => {
    const cell = resolveReference(wb, ref);
    if (!cell) return undefined;
    const state = wb.cell(cell.table, cell.row, cell.col);
    if (!state || state.unknown) return undefined;
    return { cell, value: state.value ?? new Decimal(0), where: cellLocation(wb, cell) };
  };
  for (const item of phrases.threePublicAcross) {
    const basic = read(item.basic);
    const total = read(item.total);
    if (!basic || !total) continue;
    if (basic.value.gt(total.value)) {
      out.push({
        id: `cross:${item.basic}`,
        kind: 'crossTable',
        severity: 'error',
        location: `${basic.where} / ${total.where}`,
        cell: total.cell,
        message: `${item.name}：${basic.where} 为 ${figure(basic.value)}，大于 ${total.where} 的 ${figure(total.value)}。基本支出中的${item.name}是“三公”经费决算的一部分，不能超过它。`,
      });
    }
  }
  const facts = doc.facts ?? {};
  const fact = (text: string | undefined) => (text === undefined ? undefined : new Decimal(text));
  if (phrases.officeOperation && facts.officeOperation !== undefined) {
    const metric = publicationMetrics(formSet, wb).get(phrases.officeOperation.atMost);
    if (metric && !metric.unknown) {
      const limit = metric.value ?? new Decimal(0);
      const office = new Decimal(facts.officeOperation);
      if (office.gt(limit))
        out.push({
          id: 'facts:officeOperation',
          kind: 'facts',
          severity: 'warning',
          location: '补充数据：机关运行经费',
          cell: metric.cell,
          message: `补充数据的机关运行经费 ${figure(toWanyuan(office, doc))}万元 大于 ${cellLocation(wb, metric.cell)} 的${phrases.officeOperation.atMost} ${figure(toWanyuan(limit, doc))}万元。机关运行经费是基本支出中的日常公用经费，一般不超过公用经费，请核实。`,
        });
    }
  }
  const pr = facts.procurement ?? {};
  const total = fact(pr.total);
  const parts = [pr.goods, pr.works, pr.services].map(fact);
  if (total && parts.every((p) => p !== undefined)) {
    const sum = parts.reduce<Decimal>((s, p) => s.plus(p as Decimal), new Decimal(0));
    if (!sum.eq(total))
      out.push({
        id: 'facts:procurement',
        kind: 'facts',
        severity: 'error',
        location: '补充数据：政府采购',
        message: `补充数据的政府采购：货物＋工程＋服务 = ${figure(sum)}，不等于政府采购支出总额 ${figure(total)}。`,
      });
  }
  const sme = fact(pr.sme);
  const small = fact(pr.small);
  if (total && sme && sme.gt(total))
    out.push({
      id: 'facts:sme',
      kind: 'facts',
      severity: 'error',
      location: '补充数据：政府采购',
      message: `补充数据的授予中小企业合同金额 ${figure(sme)} 大于政府采购支出总额 ${figure(total)}。`,
    });
  if (sme && small && small.gt(sme))
    out.push({
      id: 'facts:small',
      kind: 'facts',
      severity: 'error',
      location: '补充数据：政府采购',
      message: `补充数据的授予小微企业合同金额 ${figure(small)} 大于授予中小企业合同金额 ${figure(sme)}。`,
    });
  return out;
}
