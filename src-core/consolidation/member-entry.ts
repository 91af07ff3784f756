import type { CellAddress, GongkaiDocument } from '../document/types';

/** Where a member comes from: the path as the department document names it (or the file found in its folder). */
export interface MemberSource {
  /** Stable identity within one 汇总 (a resolved path, or a file name in the browser). */
  readonly id: string;
  /** How the member is shown: its file name or path as listed. */
  readonly label: string;
}

/** What reading a member gave: its document (with what an import skipped), or why it could not be read. */
export type MemberRead =
  | { readonly ok: true; readonly document: GongkaiDocument; readonly notes?: readonly string[] }
  | { readonly ok: false; readonly message: string };

/** Per-unit check counts as the 单位 overview shows them. */
export interface MemberCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly tails: number;
}

/** One line of the 单位 overview. */
export type MemberEntry =
  | {
      readonly status: 'included';
      readonly source: MemberSource;
      /** 单位名称 (or the file name when the unit left it empty). */
      readonly unit: string;
      /** The department's own 本级 figures rather than a member file. */
      readonly own: boolean;
      readonly counts: MemberCounts;
      /** What an xlsx import skipped, and other things the user should know about this member. */
      readonly notes: readonly string[];
    }
  | {
      /** Read, but not summed (another profile or year, another 金额单位, a 汇总 file, a unit already listed). */
      readonly status: 'refused';
      readonly source: MemberSource;
      readonly unit: string;
      readonly reason: string;
    }
  | {
      /** Could not be read at all: missing, damaged, not a document. */
      readonly status: 'failed';
      readonly source: MemberSource;
      readonly reason: string;
    };

/** One unit's share of a consolidated cell (drill-down). */
export interface Contribution {
  readonly source: MemberSource;
  readonly unit: string;
  readonly own: boolean;
  /** Decimal text of the unit's shown value; null when it cannot be known. */
  readonly value: string | null;
  /** The unit entered the figure itself (otherwise its rules computed it). */
  readonly entered: boolean;
  /** Why the value is unknown. */
  readonly unknown?: string;
  /** The cell to open in the unit's document. */
  readonly cell: CellAddress;
}
