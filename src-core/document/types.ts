import type { CustomCatalog } from '../catalog/catalog';
import type { Facts, SectionContent } from './publication-schema';
import type { PerformanceForms } from '../template/performance-schema';

/** The format version this build writes; files with a higher version are refused, not half-read. */
export const CURRENT_FORMAT_VERSION = 1;

/** 单位信息. */
export interface UnitInfo {
  /** 单位名称 (部门：…). */
  readonly name: string;
  /** 决算年度. */
  readonly year: number;
  /** 金额单位 of the stored amounts. */
  readonly moneyUnit: '万元' | '元';
  /** 公开日期, YYYY-MM-DD or empty. */
  readonly publishDate: string;
  /** 联系电话. */
  readonly phone: string;
}

/** 审核设置. */
export interface Settings {
  /** 尾数容差: a difference up to this is a 尾数差异 warning, beyond it the rule's severity applies. */
  readonly tolerance: string;
  /** Per-rule tolerances, by rule id. */
  readonly ruleTolerance?: Readonly<Record<string, string>>;
}

/** A row of a classification table (公开02/03/05/07/08), keyed by its 功能分类科目编码. */
export interface ClassRow {
  readonly code: string;
  readonly name: string;
}

/**
 * What the user entered in one table. Values are keyed by row key (行次, 科目编码 or a fixed key such as 合计)
 * then 栏次 key; each is the canonical decimal text of a valid amount, or the raw text of an invalid one
 * (kept so that nothing typed is lost). Computed values are never stored.
 */
export interface TableData {
  readonly rows?: readonly ClassRow[];
  readonly values: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** 说明 shown under a table that has no data (e.g. 本部门没有…，故本表无数据). */
  readonly note?: string;
}

/** One unit's 决算公开 for one year: the whole `*.gongkai.json` file. Plain, readonly, JSON-serialisable. */
export interface GongkaiDocument {
  readonly format: 'gongkai';
  readonly version: number;
  /** The year of the forms (templates) the tables follow. */
  readonly formYear: number;
  /**
   * The form profile the tables follow (id + year, e.g. { id: 'shanghai', year: 2024 }). Files written before
   * profiles existed have none and open with the national forms of their formYear.
   */
  readonly profile?: ProfileRef;
  readonly unit: UnitInfo;
  readonly settings: Settings;
  readonly tables: Readonly<Record<string, TableData>>;
  /** The user's own 科目 (added by hand or imported). */
  readonly catalog?: CustomCatalog;
  /** Text parts of the publication (概况, 情况说明 …), by section key. */
  readonly sections?: Readonly<Record<string, SectionContent>>;
  /** Facts the text needs that no table holds (年初预算, 上年数 …). */
  readonly facts?: Facts;
  /** 绩效自评表 (附件). */
  readonly performance?: PerformanceForms;
  /**
   * The unit's 出错说明 for findings it accepts (审核报告), by finding id. A finding's id stays the same while the same
   * rule stays broken at the same cell, so a 说明 survives edits until the finding is gone. A 说明 never turns an
   * error into anything else.
   */
  readonly findingNotes?: Readonly<Record<string, string>>;
  /**
   * A 汇总 (department) document: the member units it sums. Its own `tables` then hold only the department's 本级
   * figures; the consolidated figures are computed from the members and never stored.
   */
  readonly consolidation?: ConsolidationSpec;
  /**
   * 页面设置 of the printed tables (PDF, 打印, 打印预览) and of the xlsx's print setup. Absent: the profile's layout
   * (each table in its form's orientation, one page when it fits at a legible size, the forms' margins, header rows
   * repeated, every table).
   */
  readonly pageSetup?: PageSetup;
}

/** How a table's page is scaled: the one-page rule (page-fit.ts), fit to width, one page at any size, or a fixed %. */
export type PageFit = 'auto' | 'width' | 'onePage' | 'scale';

/** 页面设置 (all optional: what is absent follows the profile's layout). */
export interface PageSetup {
  /** Orientation by table id, where it differs from the form's. */
  readonly orientation?: Readonly<Record<string, 'portrait' | 'landscape'>>;
  /** Default 'auto': one page when the table fits at a legible scale, else full width over several pages. */
  readonly fit?: PageFit;
  /** With fit 'scale': the size in percent of the natural one (PAGE_SCALE_MIN–PAGE_SCALE_MAX). */
  readonly scale?: number;
  /** Page margins in mm (left and right alike). */
  readonly margins?: PageMargins;
  /** Table ids to print, in any order (printed in the forms' order). Absent: every table. */
  readonly tables?: readonly string[];
  /** A cover page when printing the tables alone. Default false. */
  readonly cover?: boolean;
  /** A 目录 when printing the tables alone. Default false. */
  readonly toc?: boolean;
  /** Repeat the header rows on every page a table runs over. Default true. */
  readonly repeatHeader?: boolean;
}

/** Page margins (mm). */
export interface PageMargins {
  readonly top: number;
  readonly bottom: number;
  readonly side: number;
}

/** The bounds a page setup's scale (percent) and margins (mm) are held to, on load and by the command. */
export const PAGE_SCALE_MIN = 30;
export const PAGE_SCALE_MAX = 100;
export const PAGE_MARGIN_MIN_MM = 5;
export const PAGE_MARGIN_MAX_MM = 40;

/** The members of a 汇总 document. */
export interface ConsolidationSpec {
  /**
   * Member unit files (`*.gongkai.json`, filled `.xlsx`) or folders of them, relative to the department file (or
   * absolute), in the order the 单位构成 lists them.
   */
  readonly members: readonly string[];
}

/** Names a form profile: its id and the 决算 year of its forms. */
export interface ProfileRef {
  readonly id: string;
  readonly year: number;
}

/** The address of one cell: table id, row key, 栏次 key. */
export interface CellAddress {
  readonly table: string;
  readonly row: string;
  readonly col: string;
}
