import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RendererHost } from './host/get-host';
import type { GridHandle } from './grid/grid-handle';
import { ActionsContext, createActionRunner } from './actions/action-runner';
import { createFileCommands } from './state/app-commands';
import { useAutosave } from './state/use-autosave';
import type { EditorStore, Page as PageShown } from './state/editor-store';
import { HostContext, StoreContext, useEditorStore, useStore, useStoreSelector } from './state/use-store';
import { FindBar } from './panels/FindBar';
import { FindingsPanel } from './panels/FindingsPanel';
import { MenuBar } from './panels/MenuBar';
import { NoticeBar } from './panels/NoticeBar';
import { Sidebar } from './panels/Sidebar';
import { TablePage } from './panels/TablePage';
import { countRender } from './state/render-counts';
import { MountOnceWanted, lazyView } from './lazy-view';

// What the first screen (a table) does not show is loaded when first shown.
const UnitInfoPanel = lazyView(
  '单位信息',
  async () => (await import('./panels/UnitInfoPanel')).UnitInfoPanel,
);
const FactsPage = lazyView('补充数据', async () => (await import('./text/FactsPage')).FactsPage);
const TextPartPage = lazyView('公开文本', async () => (await import('./text/TextPartPage')).TextPartPage);
const PerformancePage = lazyView(
  '绩效自评表',
  async () => (await import('./performance/PerformancePage')).PerformancePage,
);
const ConsolidationPanel = lazyView(
  '单位汇总',
  async () => (await import('./consolidation/ConsolidationPanel')).ConsolidationPanel,
  null,
);
const Dialogs = lazyView('对话框', async () => (await import('./panels/Dialogs')).Dialogs, null);

export function App({ store, host }: { store: EditorStore; host: RendererHost }) {
  return (
    <HostContext.Provider value={host}>
      <StoreContext.Provider value={store}>
        <Shell host={host} />
      </StoreContext.Provider>
    </HostContext.Provider>
  );
}

// The frame's views subscribe to what they show themselves: the frame re-rendering (the 未保存 mark in the title,
// a pane shown or hidden) does not re-render them.
const MenuBarView = memo(MenuBar);
const FindBarView = memo(FindBar);
const SidebarView = memo(Sidebar);
const FindingsPanelView = memo(FindingsPanel);
const NoticeBarView = memo(NoticeBar);
const DialogsView = memo(Dialogs);
const ConsolidationPanelView = memo(ConsolidationPanel);
const PageView = memo(Page);

function Shell({ host }: { host: RendererHost }) {
  countRender('Shell');
  const store = useEditorStore();
  // The frame re-renders when what it shows changes (the page, the panes, the title), not on every edit.
  const [showSidebar, showFindings, page, dirty, fileName, consolidationOpen, dialogShown] = useStoreSelector(
    (s) => [
      s.showSidebar,
      s.showFindings,
      s.page,
      s.unsaved,
      s.file.fileName,
      s.consolidationOpen,
      s.dialog !== null,
    ],
  );
  const gridRef = useRef<GridHandle | null>(null);
  const [grid, setGrid] = useState<GridHandle | null>(null);
  const onGrid = useCallback((h: GridHandle | null) => {
    gridRef.current = h;
    setGrid(h);
  }, []);

  // One action registry for the menus, the buttons and the keys (src-renderer/actions): the host's menu commands
  // and the window's shortcuts both end there.
  const actions = useMemo(
    () =>
      createActionRunner(
        { store, host, files: createFileCommands(store, host), grid: () => gridRef.current },
        // The Electron menu carries the window's shortcuts as accelerators and raises them itself.
        { menuHasAccelerators: host.kind === 'electron' },
      ),
    [store, host],
  );
  useEffect(() => host.api.onCommand((c) => void actions.perform(c.type, { command: c })), [host, actions]);
  // In capture, before the grid sees the key (Ctrl+PageUp would scroll it by a page).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => void actions.runKey(e, 'window');
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [actions]);

  // Title and unsaved mark; the host asks before closing when dirty.
  useEffect(() => {
    void host.api.setWindowState({ title: fileName, dirty });
  }, [host, fileName, dirty]);

  // Autosave to the recovery file every 30 s while there are unsaved changes; failures are shown and retried.
  useAutosave(store, host);

  // After a crash, offer what autosave kept.
  useEffect(() => {
    void host.api.readRecovery().then((snapshot) => {
      if (snapshot) store.showDialog({ kind: 'restore', snapshot });
    });
  }, [store, host]);

  return (
    <ActionsContext.Provider value={actions}>
      <div className={`gk-app${showSidebar ? '' : ' no-sidebar'}${showFindings ? '' : ' no-findings'}`}>
        {host.kind === 'browser' && <MenuBarView />}
        <FindBarView />
        <div className="gk-main">
          {showSidebar && <SidebarView />}
          <main className="gk-centre">
            <PageView page={page} onGrid={onGrid} grid={grid} />
          </main>
        </div>
        {showFindings && <FindingsPanelView />}
        <NoticeBarView />
        <MountOnceWanted wanted={consolidationOpen}>
          <ConsolidationPanelView />
        </MountOnceWanted>
        {/* After the 汇总 panel: a question asked from it (打开单位 over unsaved work) shows above it. */}
        <MountOnceWanted wanted={dialogShown}>
          <DialogsView host={host} />
        </MountOnceWanted>
      </div>
    </ActionsContext.Provider>
  );
}

function Page({
  page,
  onGrid,
  grid,
}: {
  page: PageShown;
  onGrid: (h: GridHandle | null) => void;
  grid: GridHandle | null;
}) {
  switch (page.kind) {
    case 'unit':
      return <UnitInfoPanel />;
    case 'facts':
      return <FactsPage />;
    case 'performance':
      return <PerformancePartPage />;
    case 'part':
      return <TextPartPage partKey={page.part} />;
    case 'table':
      return <TablePage tableId={page.table} onGrid={onGrid} grid={grid} />;
  }
}

/** The part holding the 绩效自评表: its own text (the list of attachments), then the forms. */
function PerformancePartPage() {
  const store = useStore();
  const part = store.session.formSet.publication.parts.find((p) => p.performance);
  return (
    <>
      {part && <TextPartPage partKey={part.key} />}
      <PerformancePage />
    </>
  );
}
