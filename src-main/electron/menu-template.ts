import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import {
  acceleratorOf,
  actionSpec,
  menuChord,
  MENUS,
  type ActionId,
  type MenuEntry,
  type NativeMenuSlot,
} from '../../src-core/actions';
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

const EDIT_ACTIONS: readonly EditAction[] = ['undo', 'redo', 'copy', 'paste'];

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

/** The items the host draws itself, in place of a `native:` slot of MENUS. */
function nativeItems(slot: NativeMenuSlot, options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === 'darwin';
  switch (slot) {
    case 'recentFiles':
      return [
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
      ];
    case 'quit':
      // Windows closes with Alt+F4 natively; a second accelerator there would only confuse.
      return [
        {
          id: 'file.quit',
          label: '退出',
          ...(options.platform === 'win32' ? {} : { accelerator: 'CmdOrCtrl+Q' }),
          click: () => actions.quit(),
        },
      ];
    // macOS text fields get 剪切/全选 only through menu roles; elsewhere the keys work without a menu item.
    case 'cut':
      return mac ? [{ id: 'edit.cut', label: '剪切', role: 'cut' }] : [];
    case 'selectAllText':
      return mac ? [{ id: 'edit.selectAll', label: '全选', role: 'selectAll' }] : [];
    case 'zoom':
      return [
        { id: 'view.zoomIn', label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { id: 'view.zoomOut', label: '缩小', role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
        { id: 'view.resetZoom', label: '实际大小', role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      ];
    case 'fullScreen':
      return [
        {
          id: 'view.fullScreen',
          label: '全屏',
          role: 'togglefullscreen',
          accelerator: mac ? 'Ctrl+Cmd+F' : 'F11',
        },
      ];
    case 'devTools':
      return options.devTools
        ? [{ type: 'separator' }, { id: 'view.devTools', label: '开发者工具', role: 'toggleDevTools' }]
        : [];
  }
}

/**
 * The whole application menu as an Electron template, built from the action table (src-core/actions): label and
 * accelerator come from there, so a key is defined once for the menu and the page. Everything that concerns the
 * document goes to the renderer as a HostCommand; only zoom, full screen and the developer tools are native roles.
 * Menu item ids are `menu.action` (file.save, edit.undo …).
 */
export function buildMenuTemplate(options: MenuOptions, actions: MenuActions): Item[] {
  const mac = options.platform === 'darwin';
  // Mnemonics (Alt+F …) are a Windows/Linux convention; macOS would show the parentheses literally.
  const top = (label: string, key: string): string => (mac ? label : `${label}(&${key})`);

  const actionItem = (menu: string, id: ActionId): Item => {
    const spec = actionSpec(id);
    const chord = menuChord(spec, options.platform);
    const edit = spec.editRouted ? EDIT_ACTIONS.find((a) => a === id) : undefined;
    const click: Item['click'] = edit
      ? (_item, _window, event) => actions.edit(edit, event.triggeredByAccelerator === true)
      : () => actions.command({ type: id as CommandType });
    return {
      id: `${menu}.${id}`,
      label: spec.label,
      ...(chord ? { accelerator: acceleratorOf(chord) } : {}),
      click,
    };
  };

  const items = (menu: string, entries: readonly MenuEntry[]): Item[] => {
    const out: Item[] = [];
    for (const entry of entries) {
      if (entry === '-') out.push({ type: 'separator' });
      else if (entry.startsWith('native:'))
        out.push(...nativeItems(entry.slice('native:'.length) as NativeMenuSlot, options, actions));
      else out.push(actionItem(menu, entry as ActionId));
    }
    return out;
  };

  const menus: Item[] = MENUS.map((m) => ({
    id: m.id,
    label: top(m.label, m.mnemonic),
    ...(m.id === 'help' ? { role: 'help' as const } : {}),
    submenu: items(m.id, m.items),
  }));

  const appMenu: Item[] = mac
    ? [
        {
          id: 'app',
          label: APP_TITLE,
          submenu: [
            { id: 'app.about', label: `关于${APP_TITLE}`, click: () => actions.command({ type: 'about' }) },
            { type: 'separator' },
            { label: `隐藏${APP_TITLE}`, role: 'hide' },
            { label: '隐藏其他', role: 'hideOthers' },
            { label: '全部显示', role: 'unhide' },
          ],
        },
      ]
    : [];

  return [...appMenu, ...menus];
}
