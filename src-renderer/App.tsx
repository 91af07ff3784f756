import { useCallback, useEffect, useRef, useState } from 'react';
import type { RendererHost } from './host/get-host';
import type { GridHandle } from './grid/TableGrid';
import { createCommandHandler } from './state/app-commands';
import { useAutosave } from './state/use-autosave';
import { tablePage, type EditorStore, type Page as PageShown } from './state/editor-store';
import { HostContext, StoreContext, useStore } from './state/use-store';
import { Dialogs } from './panels/Dialogs';
import { FindBar } from './panels/FindBar';
import { FindingsPanel } from './panels/FindingsPanel';
import { MenuBar } from './panels/MenuBar';
import { NoticeBar } from './panels/NoticeBar';
import { Sidebar } from './panels/Sidebar';
import { TablePage } from './panels/TablePage';
import { UnitInfoPanel } from './panels/UnitInfoPanel';
import { TextPartPage } from './text/TextPartPage';
import { FactsPage } from './text/FactsPage';
import { PerformancePage } from './performance/PerformancePage';
import { ConsolidationPanel } from './consolidation/ConsolidationPanel';

export function App({ store, host }: { store: EditorStore; host: RendererHost }) {
  return (
    <HostContext.Provider value={host}>
      <StoreContext.Provider value={store}>
        <Shell host={host} />
      </StoreContext.Provider>
    </HostContext.Provider>
  );
}

function Shell({ host }: { host: RendererHost }) {
  const store = useStore();
  const gridRef = useRef<GridHandle | null>(null);
  const [grid, setGrid] = useState<GridHandle | null>(null);
  const onGrid = useCallback((h: GridHandle | null) => {
    gridRef.current = h;
    setGrid(h);
  }, []);

  // Menu commands from the host (native menu) or the in-page menu bar.
  useEffect(() => {
    const handle = createCommandHandler(store, host, () => gridRef.current);
    return host.api.onCommand((c) => void handle(c));
  }, [store, host]);

  // Keyboard shortcuts of a desktop editor. In Electron the native menu's accelerators raise the same commands.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (host.kind === 'electron') return;
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) return;
      const inField = isTextField(e.target) && !(e.target as HTMLElement).closest('.ag-cell');
      const key = e.key.toLowerCase();
      const map: Record<string, Parameters<typeof host.dispatch>[0]['type']> = {
        s: e.shiftKey ? 'saveAs' : 'save',
        o: 'open',
        n: 'new',
        f: 'find',
        p: 'print',
      };
      if (!inField && (key === 'z' || key === 'y')) {
        const editing = document.querySelector('.ag-cell-inline-editing');
        if (editing) return;
        e.preventDefault();
        host.dispatch({ type: key === 'z' && !e.shiftKey ? 'undo' : 'redo' });
        return;
      }
      const command = map[key];
      if (command) {
        e.preventDefault();
        host.dispatch({ type: command });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [host]);

  // Ctrl+PageUp/PageDown: the previous or next table, as Excel and WPS switch sheets (in capture, before the grid
  // scrolls by a page).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || (e.key !== 'PageUp' && e.key !== 'PageDown')) return;
      const ids = store.session.formSet.tables.map((t) => t.id);
      const at = store.page.kind === 'table' ? ids.indexOf(store.page.table) : -1;
      if (at < 0) return;
      e.preventDefault();
      e.stopPropagation();
      const next = ids[at + (e.key === 'PageUp' ? -1 : 1)];
      if (next) store.setPage(tablePage(next));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [store]);

  // Title and unsaved mark; the host asks before closing when dirty.
  const dirty = store.unsaved;
  const fileName = store.file.fileName;
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
    <div
      className={`gk-app${store.showSidebar ? '' : ' no-sidebar'}${store.showFindings ? '' : ' no-findings'}`}
    >
      {host.kind === 'browser' && <MenuBar />}
      <FindBar />
      <div className="gk-main">
        {store.showSidebar && <Sidebar />}
        <main className="gk-centre">
          <Page page={store.page} onGrid={onGrid} grid={grid} />
        </main>
      </div>
      {store.showFindings && <FindingsPanel />}
      <NoticeBar />
      <Dialogs host={host} />
      <ConsolidationPanel />
    </div>
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

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}
