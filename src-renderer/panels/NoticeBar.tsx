import { ActionButton } from '../actions/ActionButton';
import { useEffect, useSyncExternalStore } from 'react';
import { selectionStatsStore } from '../grid/selection-stats';
import { useEditorStore, useStoreSelector } from '../state/use-store';
import { countRender } from '../state/render-counts';

/** The latest notice (pasted, saved, refused …) in the status bar; info notices fade after a while. */
export function NoticeBar() {
  countRender('NoticeBar');
  const store = useEditorStore();
  // An edit changes only the 未保存 mark and the 可撤销 label here.
  useStoreSelector((s) => [s.notice, s.unsaved, s.file, s.autosaveProblem, s.busy, s.session.undoLabel]);
  const notice = store.notice;
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return;
    const id = notice.id;
    const timer = setTimeout(() => {
      if (store.notice?.id === id) store.dismissNotice();
    }, 6000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  // A new document that was never saved is not 已保存, even before the first edit.
  const neverSaved = store.file.filePath === null && store.file.fileName === '未命名.gongkai.json';
  const unsaved = store.unsaved ? '未保存' : neverSaved ? '尚未保存到文件' : '已保存';
  return (
    <footer className="gk-statusbar">
      <span className="gk-status-file" data-testid="status-file">
        {store.file.fileName} · <span className={store.unsaved ? 'gk-dirty' : ''}>{unsaved}</span>
      </span>
      {store.autosaveProblem && (
        <span
          className="gk-autosave-failed"
          data-testid="autosave-failed"
          role="alert"
          title={store.autosaveProblem}
        >
          自动保存失败
        </span>
      )}
      {store.busy && (
        <span className="gk-busy" data-testid="busy" role="status" aria-live="polite">
          正在{store.busy}…
        </span>
      )}
      {notice && (
        <span className={`gk-notice gk-notice-${notice.kind}`} data-testid="notice" role="status">
          {notice.text}
          {notice.details?.map((d, i) => (
            <span key={i} className="gk-notice-detail">
              ；{d}
            </span>
          ))}
          <ActionButton action="dismissNotice" className="gk-link" title="关闭">
            ✕
          </ActionButton>
        </span>
      )}
      <SelectionStatsView />
      <span className="gk-status-right">
        {store.session.undoLabel ? `可撤销：${store.session.undoLabel}` : ''}
      </span>
    </footer>
  );
}

/** Excel's 求和 / 计数 / 平均 of the selected cells (several cells with figures). */
function SelectionStatsView() {
  const stats = useSyncExternalStore(selectionStatsStore.subscribe, selectionStatsStore.get);
  if (!stats) return null;
  return (
    <span className="gk-status-stats" data-testid="selection-stats">
      平均：{stats.average} 计数：{stats.count} 求和：{stats.sum}
    </span>
  );
}
