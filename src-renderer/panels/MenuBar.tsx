import { useEffect, useRef, useState } from 'react';
import type { CommandType } from '../../src-core/host';
import { useHost, useStore } from '../state/use-store';

interface Item {
  readonly label: string;
  readonly command: CommandType;
  readonly shortcut?: string;
}

const MENUS: readonly { label: string; items: readonly (Item | 'sep')[] }[] = [
  {
    label: '文件',
    items: [
      { label: '新建', command: 'new', shortcut: 'Ctrl+N' },
      { label: '打开…', command: 'open', shortcut: 'Ctrl+O' },
      'sep',
      { label: '保存', command: 'save', shortcut: 'Ctrl+S' },
      { label: '另存为…', command: 'saveAs', shortcut: 'Ctrl+Shift+S' },
      'sep',
      { label: '导入Excel…', command: 'importExcel' },
      { label: '导出Excel…', command: 'exportExcel' },
      { label: '导出PDF…', command: 'exportPdf' },
      { label: '导出Word（文字部分）…', command: 'exportDocx' },
      { label: '导出审核报告…', command: 'exportAuditReport' },
      { label: '打印…', command: 'print', shortcut: 'Ctrl+P' },
    ],
  },
  {
    label: '编辑',
    items: [
      { label: '撤销', command: 'undo', shortcut: 'Ctrl+Z' },
      { label: '重做', command: 'redo', shortcut: 'Ctrl+Y' },
      'sep',
      { label: '复制', command: 'copy', shortcut: 'Ctrl+C' },
      { label: '粘贴', command: 'paste', shortcut: 'Ctrl+V' },
      'sep',
      { label: '查找…', command: 'find', shortcut: 'Ctrl+F' },
    ],
  },
  {
    label: '视图',
    items: [
      { label: '侧栏', command: 'toggleSidebar' },
      { label: '审核结果', command: 'toggleFindings' },
      { label: '单位信息', command: 'unitInfo' },
    ],
  },
  {
    label: '帮助',
    items: [
      { label: '公式说明', command: 'formulaHelp' },
      { label: '关于', command: 'about' },
    ],
  },
];

/** The in-page menu bar of the browser host (Electron has the native menu with the same commands). */
export function MenuBar() {
  const host = useHost();
  // While an export or import runs, the others wait (the status bar says what is running).
  const busy = useStore().busy !== null;
  const [open, setOpen] = useState<number | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const close = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, []);
  return (
    <div className="gk-menubar" role="menubar" ref={ref}>
      <span className="gk-appname">决算公开表编辑器</span>
      {MENUS.map((menu, i) => (
        <div key={menu.label} className="gk-menu">
          <button
            type="button"
            role="menuitem"
            className={open === i ? 'open' : ''}
            data-testid={`menu-${menu.label}`}
            onClick={() => setOpen(open === i ? null : i)}
            onMouseEnter={() => open !== null && setOpen(i)}
          >
            {menu.label}
          </button>
          {open === i && (
            <div className="gk-menu-pop" role="menu">
              {menu.items.map((item, k) =>
                item === 'sep' ? (
                  <hr key={k} />
                ) : (
                  <button
                    key={item.command}
                    type="button"
                    role="menuitem"
                    data-testid={`cmd-${item.command}`}
                    disabled={busy && BUSY_COMMANDS.has(item.command)}
                    onClick={() => {
                      setOpen(null);
                      host.dispatch({ type: item.command });
                    }}
                  >
                    <span>{item.label}</span>
                    {item.shortcut && <kbd>{item.shortcut}</kbd>}
                  </button>
                ),
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** The commands that run one at a time (exports, import, print). */
const BUSY_COMMANDS: ReadonlySet<CommandType> = new Set<CommandType>([
  'importExcel',
  'exportExcel',
  'exportPdf',
  'exportDocx',
  'print',
]);
