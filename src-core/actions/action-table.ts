import type { CommandType } from '../host';
import type { KeyChord } from './key-chord';

/**
 * Actions reached only from a key (no menu item): they act on the renderer's own state and never cross the host.
 * Menu actions are the host's CommandTypes, so the Electron menu can send them to the page.
 */
export type KeyActionId =
  | 'previousTable'
  | 'nextTable'
  | 'nextRegion'
  | 'previousRegion'
  | 'closeFind'
  | 'fillDown'
  | 'clearCells'
  | 'selectAll'
  | 'dataEdge'
  | 'rowEdge'
  | 'tableEdge';

/** Actions reached from a button of a panel or a dialog: what they act on is the app's (the store, the host). */
export type ButtonActionId =
  | 'showPage'
  | 'openConsolidation'
  | 'filterFindings'
  | 'foldFindings'
  | 'adoptComputed'
  | 'showCell'
  | 'dismissNotice'
  | 'answerDialog'
  | 'closeDialog'
  | 'importCatalog'
  | 'clearCatalog';

/**
 * Buttons that act on what their own component holds (a field being typed, a dialog's options, a form's rows, the
 * 汇总 panel's members): the component gives the perform, the table gives the id and the label, so every button of the
 * app is one of these actions (a test lists the rendered buttons, lint forbids a bare <button>).
 */
export type LocalActionId =
  | 'openMenu'
  | 'findPrevious'
  | 'findNext'
  | 'editFindingNote'
  | 'saveFindingNote'
  | 'removeFindingNote'
  | 'addRows'
  | 'importRows'
  | 'deleteRows'
  | 'draftSection'
  | 'editSection'
  | 'saveSection'
  | 'cancelSection'
  | 'fillSectionDefaults'
  | 'removeUnitRow'
  | 'addUnitRow'
  | 'importPriorYear'
  | 'createPerformanceForm'
  | 'removePerformanceProject'
  | 'showPerformanceTab'
  | 'addPerformanceProject'
  | 'showPerformanceField'
  | 'addFormItem'
  | 'insertFormItem'
  | 'removeFormItem'
  | 'adoptFormValue'
  | 'restoreAutosave'
  | 'discardAutosave'
  | 'createDocument'
  | 'applyProfileConversion'
  | 'startPrint'
  | 'startAuditReport'
  | 'resetPageSetup'
  | 'previewExportPdf'
  | 'previewPrint'
  | 'previewPrintOptions'
  | 'consolidationPick'
  | 'consolidationOpenFile'
  | 'consolidationRefresh'
  | 'consolidationSave'
  | 'consolidationExportXlsx'
  | 'consolidationExportPdf'
  | 'consolidationPickFolder'
  | 'consolidationClose'
  | 'consolidationOpenUnit'
  | 'consolidationRemoveUnit'
  | 'consolidationReplaceUnit'
  | 'consolidationShowTable'
  | 'consolidationShowFinding'
  | 'cancelFindingNote'
  | 'toggleFormMerge'
  | 'cancelDialog';

export type ActionId = CommandType | KeyActionId | ButtonActionId | LocalActionId;

/**
 * Where a key is tested: `window` anywhere in the app (before the grid sees it), `grid` while the grid has the focus
 * and no cell editor is open, `find` in the find box.
 */
export type KeyScope = 'window' | 'grid' | 'find';

/** One action as data (Excalidraw's actions/register.ts without the perform, which the renderer adds). */
export interface ActionSpec {
  readonly id: ActionId;
  /** The menu's and the button's Chinese label. */
  readonly label: string;
  /** Its shortcuts; the first is the one the menus show. */
  readonly keys?: readonly KeyChord[];
  readonly keyScope?: KeyScope;
  /** In a text field the key is left to the field (Ctrl+Z there undoes typing, not the document). */
  readonly fieldsKeepKey?: boolean;
  /** The browser raises it as its own event (Ctrl+V → paste): the page listens to that, not to the key. */
  readonly keyByBrowser?: boolean;
  /** 撤销/重做/复制/粘贴: a menu click acts on the focused text field if there is one (src-main edit-routing). */
  readonly editRouted?: boolean;
  /** Which of `keys` the macOS menu shows (redo: ⇧⌘Z). */
  readonly macMenuKey?: number;
  /** It asks something before acting (a file dialog, the find box): the page's menu writes “…” after the label. */
  readonly opensDialog?: boolean;
  /** A LocalActionId: its button's component performs it (the registry has no behaviour for it). */
  readonly local?: true;
}

const mod = (key: string, more: Omit<KeyChord, 'key' | 'mod'> = {}): KeyChord => ({
  key,
  mod: true,
  ...more,
});

/** The labels of the local actions: a mapped type, so a LocalActionId without a label does not compile. */
const LOCAL_LABELS: { readonly [K in LocalActionId]: string } = {
  openMenu: '菜单',
  findPrevious: '上一个',
  findNext: '下一个',
  editFindingNote: '写说明',
  saveFindingNote: '保存说明',
  removeFindingNote: '删除说明',
  addRows: '添加科目',
  importRows: '从Excel导入行',
  deleteRows: '删除科目',
  draftSection: '按报表生成草稿',
  editSection: '编辑',
  saveSection: '完成',
  cancelSection: '取消',
  fillSectionDefaults: '填入默认内容',
  removeUnitRow: '删除单位构成行',
  addUnitRow: '添加单位构成行',
  importPriorYear: '从上年文件读入',
  createPerformanceForm: '建立绩效自评表',
  removePerformanceProject: '删除项目',
  showPerformanceTab: '打开自评表',
  addPerformanceProject: '添加项目',
  showPerformanceField: '查看',
  addFormItem: '添加一行',
  insertFormItem: '插入一行',
  removeFormItem: '删除一行',
  adoptFormValue: '采用',
  restoreAutosave: '恢复',
  discardAutosave: '不恢复',
  createDocument: '新建',
  applyProfileConversion: '转换',
  startPrint: '开始',
  startAuditReport: '导出',
  resetPageSetup: '恢复默认页面设置',
  previewExportPdf: '导出PDF',
  previewPrint: '打印',
  previewPrintOptions: '预览…',
  consolidationPick: '添加单位文件',
  consolidationOpenFile: '打开汇总文件',
  consolidationRefresh: '重新读取',
  consolidationSave: '保存汇总文件',
  consolidationExportXlsx: '导出汇总Excel',
  consolidationExportPdf: '导出汇总PDF',
  consolidationPickFolder: '添加单位文件夹',
  consolidationClose: '关闭单位汇总',
  consolidationOpenUnit: '打开单位',
  consolidationRemoveUnit: '移除单位',
  consolidationReplaceUnit: '替换单位文件',
  consolidationShowTable: '查看汇总表',
  consolidationShowFinding: '查看汇总表的这一格',
  cancelFindingNote: '取消',
  toggleFormMerge: '合并单元格',
  cancelDialog: '取消',
};

/** Every action of the app, in no particular order; MENUS says where each menu shows them. */
export const ACTION_SPECS: readonly ActionSpec[] = [
  { id: 'new', label: '新建', keys: [mod('n')], keyScope: 'window' },
  { id: 'open', label: '打开', opensDialog: true, keys: [mod('o')], keyScope: 'window' },
  { id: 'openRecent', label: '最近打开' },
  { id: 'save', label: '保存', keys: [mod('s')], keyScope: 'window' },
  { id: 'saveAs', label: '另存为', opensDialog: true, keys: [mod('s', { shift: true })], keyScope: 'window' },
  { id: 'saveAndClose', label: '保存并关闭' },
  { id: 'importExcel', label: '导入Excel', opensDialog: true },
  { id: 'exportExcel', label: '导出Excel', opensDialog: true },
  { id: 'exportPdf', label: '导出PDF', opensDialog: true },
  { id: 'exportDocx', label: '导出Word（文字部分）', opensDialog: true },
  { id: 'exportAuditReport', label: '导出审核报告', opensDialog: true },
  { id: 'convertProfile', label: '转换表样', opensDialog: true },
  { id: 'print', label: '打印', opensDialog: true, keys: [mod('p')], keyScope: 'window' },
  // Ctrl+F2 as in WPS (and Word's 打印预览).
  { id: 'printPreview', label: '打印预览', opensDialog: true, keys: [mod('F2')], keyScope: 'window' },
  {
    id: 'undo',
    label: '撤销',
    keys: [mod('z')],
    keyScope: 'window',
    fieldsKeepKey: true,
    editRouted: true,
  },
  {
    id: 'redo',
    label: '重做',
    keys: [mod('y'), mod('z', { shift: true })],
    keyScope: 'window',
    fieldsKeepKey: true,
    editRouted: true,
    macMenuKey: 1,
  },
  { id: 'copy', label: '复制', keys: [mod('c', { shift: 'any' })], keyScope: 'grid', editRouted: true },
  { id: 'paste', label: '粘贴', keys: [mod('v')], keyScope: 'grid', keyByBrowser: true, editRouted: true },
  { id: 'find', label: '查找', opensDialog: true, keys: [mod('f')], keyScope: 'window' },
  { id: 'closeFind', label: '关闭查找', keys: [{ key: 'Escape' }], keyScope: 'find' },
  { id: 'toggleSidebar', label: '侧栏' },
  { id: 'toggleFindings', label: '审核结果' },
  { id: 'unitInfo', label: '单位信息' },
  { id: 'formulaHelp', label: '公式说明', keys: [{ key: 'F1' }], keyScope: 'window' },
  { id: 'about', label: '关于' },
  // Excel and WPS switch sheets with Ctrl+PageUp/PageDown.
  { id: 'previousTable', label: '上一张表', keys: [mod('PageUp')], keyScope: 'window' },
  { id: 'nextTable', label: '下一张表', keys: [mod('PageDown')], keyScope: 'window' },
  // F6 moves between the window's regions as in Office: 侧栏 → 表格 → 审核结果.
  { id: 'nextRegion', label: '下一个区域', keys: [{ key: 'F6' }], keyScope: 'window' },
  { id: 'previousRegion', label: '上一个区域', keys: [{ key: 'F6', shift: true }], keyScope: 'window' },
  { id: 'fillDown', label: '向下填充', keys: [mod('d')], keyScope: 'grid' },
  // Backspace, as in Excel, empties the active cell and opens it for editing (the grid's own behaviour).
  { id: 'clearCells', label: '清除内容', keys: [{ key: 'Delete' }], keyScope: 'grid' },
  { id: 'selectAll', label: '全选', keys: [mod('a')], keyScope: 'grid' },
  {
    id: 'dataEdge',
    label: '到数据边缘',
    keys: ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].map((k) => mod(k, { shift: 'any' })),
    keyScope: 'grid',
  },
  {
    id: 'rowEdge',
    label: '到行首/行尾',
    keys: [
      { key: 'Home', shift: 'any' },
      { key: 'End', shift: 'any' },
    ],
    keyScope: 'grid',
  },
  {
    id: 'tableEdge',
    label: '到表首/表尾',
    keys: [mod('Home', { shift: 'any' }), mod('End', { shift: 'any' })],
    keyScope: 'grid',
  },
  // Buttons of the panels and dialogs.
  { id: 'showPage', label: '打开' },
  { id: 'openConsolidation', label: '单位汇总' },
  { id: 'filterFindings', label: '筛选审核结果' },
  { id: 'foldFindings', label: '收起/展开审核结果' },
  { id: 'adoptComputed', label: '采用计算值' },
  { id: 'showCell', label: '查看报表' },
  { id: 'dismissNotice', label: '关闭提示' },
  { id: 'answerDialog', label: '回答' },
  { id: 'closeDialog', label: '关闭' },
  { id: 'importCatalog', label: '导入科目目录', opensDialog: true },
  { id: 'clearCatalog', label: '清除自定义科目' },
  ...Object.entries(LOCAL_LABELS).map(([id, label]): ActionSpec => ({
    id: id as LocalActionId,
    label,
    local: true,
  })),
];

/** Menu items the host draws itself (recent files, quit, zoom …): the Electron menu fills them in, the page skips them. */
export type NativeMenuSlot =
  'recentFiles' | 'quit' | 'cut' | 'selectAllText' | 'zoom' | 'fullScreen' | 'devTools';

export type MenuEntry = ActionId | `native:${NativeMenuSlot}` | '-';

export interface MenuSpec {
  readonly id: 'file' | 'edit' | 'view' | 'help';
  readonly label: string;
  /** Alt+letter on Windows and Linux. */
  readonly mnemonic: string;
  readonly items: readonly MenuEntry[];
}

/** The menus of both hosts: the Electron menu and the browser's in-page menu bar are built from this one list. */
export const MENUS: readonly MenuSpec[] = [
  {
    id: 'file',
    label: '文件',
    mnemonic: 'F',
    items: [
      'new',
      'convertProfile',
      'open',
      'native:recentFiles',
      '-',
      'save',
      'saveAs',
      '-',
      'importExcel',
      'exportExcel',
      'exportPdf',
      'exportDocx',
      'exportAuditReport',
      '-',
      'printPreview',
      'print',
      '-',
      'native:quit',
    ],
  },
  {
    id: 'edit',
    label: '编辑',
    mnemonic: 'E',
    items: ['undo', 'redo', '-', 'native:cut', 'copy', 'paste', 'native:selectAllText', '-', 'find'],
  },
  {
    id: 'view',
    label: '视图',
    mnemonic: 'V',
    items: [
      'toggleSidebar',
      'toggleFindings',
      'unitInfo',
      '-',
      'native:zoom',
      '-',
      'native:fullScreen',
      'native:devTools',
    ],
  },
  { id: 'help', label: '帮助', mnemonic: 'H', items: ['formulaHelp', 'about'] },
];
