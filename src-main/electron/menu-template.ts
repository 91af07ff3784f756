import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { CommandType, HostCommand, RecentFile } from '../../src-core/host';
import type { EditAction } from './edit-routing';
import { APP_TITLE } from './window-title';

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly recent: readonly RecentFile[];
  /** Adds 开发者工具 (unpackaged runs only). */
  readonly devTools: boolean;
}

export interface MenuActions {
  /** Send a command to the renderer. */
  command(command: HostCommand): void;
  /** 撤销/重做/复制/粘贴, routed by focus and by how the item fired (see edit-routing). */
  edit(action: EditAction, byAccelerator: boolean): void;
  clearRecent(): void;
  /** 退出: close the main window, through the unsaved-changes guard. */
  quit(): void;
}

type Item = MenuItemConstructorOptions;

/**
 * Recent files are shown by name; two with the same name get their folder added so they can be told apart.
 */
function recentItems(recent: readonly RecentFile[], actions: MenuActions): Item[] {
  if (recent.length === 0) return [{ id: 'file.recent.none', label: '（无）', enabled: false }];
  return recent.map((file, i): Item => {
    const sameName = recent.filter((f) => f.fileName === file.fileName).length > 1;
    return {
      id: `file.recent.${i}`,
      label: sameName ? `${file.fileName} — ${path.dirname(file.filePath)}` : file.fileName,
      toolTip: file.filePath,
      click: () => actions.command({ type: 'openRecent', filePath: file.filePath }),
    };
  });
}

/**
 * The whole application menu as an Electron template. Everything that concerns the document goes to the renderer
 * as a HostCommand; only zoom, full screen and the developer tools are native roles.
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === 'darwin';
  // Mnemonics (Alt+F …) are a Windows/Linux convention; macOS would show the parentheses literally.
  const top = (label: string, key: string): string => (mac ? label : `${label}(&${key})`);
  const send = (type: CommandType) => (): void => actions.command({ type });
  const edit =
    (action: EditAction): Item['click'] =>
    (_item, _window, event) =>
      actions.edit(action, event.triggeredByAccelerator === true);

  const file: Item = {
    id: 'file',
    label: top('文件', 'F'),
    submenu: [
      { id: 'file.new', label: '新建', accelerator: 'CmdOrCtrl+N', click: send('new') },
      { id: 'file.open', label: '打开', accelerator: 'CmdOrCtrl+O', click: send('open') },
      {
        id: 'file.recent',
        label: '最近打开',
        submenu: [
          ...recentItems(options.recent, actions),
          { type: 'separator' },
          {
            id: 'file.recent.clear',
            label: '清除列表',
            enabled: options.recent.length > 0,
            click: () => actions.clearRecent(),
          },
        ],
      },
      { type: 'separator' },
      { id: 'file.save', label: '保存', accelerator: 'CmdOrCtrl+S', click: send('save') },
      { id: 'file.saveAs', label: '另存为', accelerator: 'CmdOrCtrl+Shift+S', click: send('saveAs') },
      { type: 'separator' },
      { id: 'file.importExcel', label: '导入Excel', click: send('importExcel') },
      { id: 'file.exportExcel', label: '导出Excel', click: send('exportExcel') },
      { id: 'file.exportPdf', label: '导出PDF', click: send('exportPdf') },
      { id: 'file.exportDocx', label: '导出Word（文字部分）', click: send('exportDocx') },
      { id: 'file.exportAuditReport', label: '导出审核报告', click: send('exportAuditReport') },
      { type: 'separator' },
      { id: 'file.print', label: '打印', accelerator: 'CmdOrCtrl+P', click: send('print') },
      { type: 'separator' },
      // Windows closes with Alt+F4 natively; a second accelerator there would only confuse.
      {
        id: 'file.quit',
        label: '退出',
        ...(options.platform === 'win32' ? {} : { accelerator: 'CmdOrCtrl+Q' }),
        click: () => actions.quit(),
      },
    ],
  };

  const editMenu: Item = {
    id: 'edit',
    label: top('编辑', 'E'),
    submenu: [
      { id: 'edit.undo', label: '撤销', accelerator: 'CmdOrCtrl+Z', click: edit('undo') },
      { id: 'edit.redo', label: '重做', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', click: edit('redo') },
      { type: 'separator' },
      // macOS text fields get 剪切/全选 only through menu roles; elsewhere the keys work without a menu item.
      ...(mac ? [{ id: 'edit.cut', label: '剪切', role: 'cut' } satisfies Item] : []),
      { id: 'edit.copy', label: '复制', accelerator: 'CmdOrCtrl+C', click: edit('copy') },
      { id: 'edit.paste', label: '粘贴', accelerator: 'CmdOrCtrl+V', click: edit('paste') },
      ...(mac ? [{ id: 'edit.selectAll', label: '全选', role: 'selectAll' } satisfies Item] : []),
      { type: 'separator' },
      { id: 'edit.find', label: '查找', accelerator: 'CmdOrCtrl+F', click: send('find') },
    ],
  };

  const view: Item = {
    id: 'view',
    label: top('视图', 'V'),
    submenu: [
      { id: 'view.sidebar', label: '侧栏', click: send('toggleSidebar') },
      { id: 'view.findings', label: '审核结果', click: send('toggleFindings') },
      { id: 'view.unitInfo', label: '单位信息', click: send('unitInfo') },
      { type: 'separator' },
      { id: 'view.zoomIn', label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { id: 'view.zoomOut', label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { id: 'view.resetZoom', label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      { type: 'separator' },
      {
        id: 'view.fullScreen',
        label: '全屏',
        role: 'togglefullscreen',
        accelerator: mac ? 'Ctrl+Cmd+F' : 'F11',
      },
      ...(options.devTools
        ? [
            { type: 'separator' } satisfies Item,
            { id: 'view.devTools', label: '开发者工具', role: 'toggleDevTools' } satisfies Item,
          ]
        : []),
    ],
  };

  const help: Item = {
    id: 'help',
    label: top('帮助', 'H'),
    role: 'help',
    submenu: [
      { id: 'help.formulas', label: '公式说明', accelerator: 'F1', click: send('formulaHelp') },
      { id: 'help.about', label: '关于', click: send('about') },
    ],
  };

  const appMenu: Item[] = mac
    ? [
        {
          id: 'app',
          label: APP_TITLE,
          submenu: [
            { id: 'app.about', label: `关于${APP_TITLE}`, click: send('about') },
            { type: 'separator' },
            { label: `隐藏${APP_TITLE}`, role: 'hide' },
            { label: '隐藏其他', role: 'hideOthers' },
            { label: '全部显示', role: 'unhide' },
          ],
        },
      ]
    : [];

  return [...appMenu, file, editMenu, view, help];
}
