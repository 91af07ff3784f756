import { useEffect } from 'react';
import { useStore } from '../state/use-store';

/** The latest notice (pasted, saved, refused …) in the status bar; info notices fade after a while. */
export function NoticeBar() {
  const store = useStore();
  const notice = store.notice;
  useEffect(() => {
    if (!notice || notice.kind !== 'info') return;
    const id = notice.id;
    const timer = setTimeout(() => {
      if (store.notice?.id === id) store.dismissNotice();
    }, 6000);
    return () => clearTimeout(timer);
  }, [notice, store]);
  const unsaved = store.unsaved ? '未保存' : '已保存';
  return (
    <footer className="gk-statusbar">
      <span className="gk-status-file" data-testid="status-file">
        {store.file.fileName} · <span className={store.unsaved ? 'gk-dirty' : ''}>{unsaved}</span>
      </span>
      {notice && (
        <span className={`gk-notice gk-notice-${notice.kind}`} data-testid="notice" role="status">
          {notice.text}
          {notice.details?.map((d, i) => (
            <span key={i} className="gk-notice-detail">
              ；{d}
            </span>
          ))}
          <button type="button" className="gk-link" onClick={() => store.dismissNotice()} title="关闭">
            ✕
          </button>
        </span>
      )}
      <span className="gk-status-right">
        {store.session.undoLabel ? `可撤销：${store.session.undoLabel}` : ''}
      </span>
    </footer>
  );
}
