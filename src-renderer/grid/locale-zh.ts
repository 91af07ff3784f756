import { AG_GRID_LOCALE_CN } from '@ag-grid-community/locale';

/**
 * AG Grid's own words (the no-rows line, and the aria labels a screen reader speaks: 列, 行, 按 Enter 编辑 …) in
 * Chinese: the grid's published zh-CN translation, with this product's wording where it says something of its own.
 */
export const AG_GRID_LOCALE_ZH: Record<string, string> = {
  ...AG_GRID_LOCALE_CN,
  noRowsToShow: '本表没有数据行',
  loadingOoo: '正在加载…',
};
