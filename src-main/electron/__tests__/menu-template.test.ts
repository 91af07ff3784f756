import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { HostCommand, RecentFile } from '../../../src-core/host';
import { acceleratorOf, actionSpec, MENUS, type ActionId } from '../../../src-core/actions';
import { buildMenuTemplate, type MenuActions } from '../menu-template';

type Item = MenuItemConstructorOptions;

function actions() {
  const commands: HostCommand[] = [];
  const a = {
    command: vi.fn((c: HostCommand) => void commands.push(c)),
    edit: vi.fn(),
    clearRecent: vi.fn(),
    quit: vi.fn(),
  } satisfies MenuActions;
  return { a, commands };
}

function submenu(item: Item | undefined): Item[] {
  return Array.isArray(item?.submenu) ? (item.submenu as Item[]) : [];
}
function find(items: Item[], id: string): Item | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = find(submenu(item), id);
    if (inner) return inner;
  }
  return undefined;
}
function labels(items: Item[]): string[] {
  return items.filter((i) => i.type !== 'separator').map((i) => i.label ?? '');
}
function click(item: Item | undefined, byAccelerator = false): void {
  const handler = item?.click as ((item: unknown, window: unknown, event: object) => void) | undefined;
  handler?.({}, undefined, { triggeredByAccelerator: byAccelerator });
}

const recent: RecentFile[] = [
  { filePath: '/a/汉阳.gongkai.json', fileName: '汉阳.gongkai.json', at: '2024-01-02T00:00:00Z' },
  { filePath: '/b/报表.gongkai.json', fileName: '报表.gongkai.json', at: '2024-01-01T00:00:00Z' },
  { filePath: '/c/报表.gongkai.json', fileName: '报表.gongkai.json', at: '2023-12-01T00:00:00Z' },
];

describe('buildMenuTemplate', () => {
  const { a } = actions();
  const win = buildMenuTemplate({ platform: 'win32', recent: [], devTools: false }, a);

  it('has 文件, 编辑, 视图, 帮助 with Alt mnemonics on Windows and Linux', () => {
    expect(labels(win)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    expect(labels(buildMenuTemplate({ platform: 'linux', recent: [], devTools: false }, a))[0]).toBe(
      '文件(&F)',
    );
  });

  it('文件 has the document commands with their shortcuts', () => {
    const file = submenu(find(win, 'file'));
    expect(labels(file)).toEqual([
      '新建',
      '转换表样',
      '打开',
      '最近打开',
      '保存',
      '另存为',
      '导入Excel',
      '导出Excel',
      '导出PDF',
      '导出Word（文字部分）',
      '导出审核报告',
      '打印预览',
      '打印',
      '退出',
    ]);
    const accel = Object.fromEntries(file.filter((i) => i.label).map((i) => [i.label, i.accelerator]));
    expect(accel).toMatchObject({
      新建: 'CmdOrCtrl+N',
      打开: 'CmdOrCtrl+O',
      保存: 'CmdOrCtrl+S',
      另存为: 'CmdOrCtrl+Shift+S',
      打印: 'CmdOrCtrl+P',
      打印预览: 'CmdOrCtrl+F2',
    });
  });

  it('编辑, 视图 and 帮助 have their items', () => {
    expect(labels(submenu(find(win, 'edit')))).toEqual(['撤销', '重做', '复制', '粘贴', '查找']);
    expect(labels(submenu(find(win, 'view')))).toEqual([
      '侧栏',
      '审核结果',
      '单位信息',
      '放大',
      '缩小',
      '实际大小',
      '全屏',
    ]);
    expect(labels(submenu(find(win, 'help')))).toEqual(['公式说明', '关于']);
    expect(find(win, 'edit.undo')?.accelerator).toBe('CmdOrCtrl+Z');
    expect(find(win, 'edit.redo')?.accelerator).toBe('CmdOrCtrl+Y');
    expect(find(win, 'edit.copy')?.accelerator).toBe('CmdOrCtrl+C');
    expect(find(win, 'edit.paste')?.accelerator).toBe('CmdOrCtrl+V');
    expect(find(win, 'edit.find')?.accelerator).toBe('CmdOrCtrl+F');
  });

  it('sends each document command to the renderer', () => {
    const { a, commands } = actions();
    const menu = buildMenuTemplate({ platform: 'linux', recent: [], devTools: false }, a);
    const ids: [string, HostCommand['type']][] = [
      ['file.new', 'new'],
      ['file.open', 'open'],
      ['file.save', 'save'],
      ['file.saveAs', 'saveAs'],
      ['file.importExcel', 'importExcel'],
      ['file.exportExcel', 'exportExcel'],
      ['file.exportPdf', 'exportPdf'],
      ['file.exportDocx', 'exportDocx'],
      ['file.exportAuditReport', 'exportAuditReport'],
      ['file.printPreview', 'printPreview'],
      ['file.print', 'print'],
      ['edit.find', 'find'],
      ['view.toggleSidebar', 'toggleSidebar'],
      ['view.toggleFindings', 'toggleFindings'],
      ['view.unitInfo', 'unitInfo'],
      ['help.formulaHelp', 'formulaHelp'],
      ['help.about', 'about'],
    ];
    for (const [id] of ids) click(find(menu, id));
    expect(commands).toEqual(ids.map(([, type]) => ({ type })));
  });

  it('routes 撤销/重做/复制/粘贴 through the focus-aware edit action, saying whether a shortcut fired it', () => {
    const { a, commands } = actions();
    const menu = buildMenuTemplate({ platform: 'linux', recent: [], devTools: false }, a);
    for (const id of ['edit.undo', 'edit.redo', 'edit.copy', 'edit.paste']) click(find(menu, id));
    click(find(menu, 'edit.paste'), true);
    expect(a.edit.mock.calls).toEqual([
      ['undo', false],
      ['redo', false],
      ['copy', false],
      ['paste', false],
      ['paste', true],
    ]);
    expect(commands).toEqual([]);
  });

  it('takes every label and accelerator from the action table, so a key is defined once', () => {
    for (const [menu, entries] of MENUS.map((m) => [m.id, m.items] as const)) {
      for (const entry of entries) {
        if (entry === '-' || entry.startsWith('native:')) continue;
        const spec = actionSpec(entry as ActionId);
        const item = find(win, `${menu}.${entry}`);
        expect(item?.label).toBe(spec.label);
        expect(item?.accelerator).toBe(spec.keys?.[0] ? acceleratorOf(spec.keys[0]) : undefined);
      }
    }
    expect(find(win, 'help.formulaHelp')?.accelerator).toBe('F1');
  });

  it('退出 closes through the guard; zoom and full screen are native', () => {
    const { a } = actions();
    const menu = buildMenuTemplate({ platform: 'linux', recent: [], devTools: false }, a);
    click(find(menu, 'file.quit'));
    expect(a.quit).toHaveBeenCalledOnce();
    expect(find(menu, 'file.quit')?.accelerator).toBe('CmdOrCtrl+Q');
    expect(find(win, 'file.quit')?.accelerator).toBeUndefined(); // Windows: Alt+F4
    expect(find(menu, 'view.zoomIn')?.role).toBe('zoomIn');
    expect(find(menu, 'view.zoomOut')?.role).toBe('zoomOut');
    expect(find(menu, 'view.resetZoom')?.role).toBe('resetZoom');
    expect(find(menu, 'view.fullScreen')?.role).toBe('togglefullscreen');
    expect(find(menu, 'view.devTools')).toBeUndefined();
    expect(
      find(buildMenuTemplate({ platform: 'linux', recent: [], devTools: true }, a), 'view.devTools')?.role,
    ).toBe('toggleDevTools');
  });

  it('最近打开 lists recent files newest first, tells same-named files apart, and opens them', () => {
    const { a, commands } = actions();
    const menu = buildMenuTemplate({ platform: 'linux', recent, devTools: false }, a);
    const items = submenu(find(menu, 'file.recent'));
    expect(labels(items)).toEqual([
      '汉阳.gongkai.json',
      '报表.gongkai.json — /b',
      '报表.gongkai.json — /c',
      '清除列表',
    ]);
    click(items[1]);
    expect(commands).toEqual([{ type: 'openRecent', filePath: '/b/报表.gongkai.json' }]);
    expect(find(menu, 'file.recent.clear')?.enabled).toBe(true);
    click(find(menu, 'file.recent.clear'));
    expect(a.clearRecent).toHaveBeenCalledOnce();
  });

  it('最近打开 shows an empty list as disabled', () => {
    const items = submenu(find(win, 'file.recent'));
    expect(find(items, 'file.recent.none')).toMatchObject({ label: '（无）', enabled: false });
    expect(find(items, 'file.recent.clear')?.enabled).toBe(false);
  });

  it('on macOS: an app menu, no mnemonics, native 剪切/全选 for text fields', () => {
    const mac = buildMenuTemplate({ platform: 'darwin', recent: [], devTools: false }, actions().a);
    expect(labels(mac)).toEqual(['决算公开表编辑器', '文件', '编辑', '视图', '帮助']);
    expect(find(mac, 'edit.cut')?.role).toBe('cut');
    expect(find(mac, 'edit.selectAll')?.role).toBe('selectAll');
    expect(find(mac, 'edit.redo')?.accelerator).toBe('CmdOrCtrl+Shift+Z');
  });
});
