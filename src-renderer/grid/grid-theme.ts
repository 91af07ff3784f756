import { themeQuartz } from 'ag-grid-community';

/** Body row height in px (the theme's, and what the grid's natural height is counted in). */
export const ROW_HEIGHT = 28;

/** The paper form's look: CJK fonts, thin rules, grey header rows. */
export const GRID_THEME = themeQuartz.withParams({
  fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', 'SimSun', 'sans-serif'],
  fontSize: 13,
  headerFontSize: 13,
  headerFontWeight: 600,
  headerBackgroundColor: '#eef1f5',
  headerTextColor: '#1f2933',
  borderColor: '#b8c0cc',
  rowBorder: { color: '#d5dbe3' },
  columnBorder: { color: '#d5dbe3' },
  headerColumnBorder: { color: '#b8c0cc' },
  headerRowBorder: { color: '#b8c0cc' },
  rowHeight: ROW_HEIGHT,
  headerHeight: 30,
  spacing: 5,
  wrapperBorderRadius: 0,
  cellHorizontalPadding: 6,
  accentColor: '#1d5fbf',
});
