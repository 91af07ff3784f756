import { ActionButton } from '../actions/ActionButton';
import { useEffect, useRef, useState } from 'react';
import { useEditorStore, useStoreSelector } from '../state/use-store';

/** The longest 说明 the document accepts (src-core/document/schema.ts). */
const MAX_NOTE = 2000;

/**
 * The 说明 (出错说明) under a finding in 审核结果: shown when written, edited in place. A 说明 explains a 提示 the
 * unit accepts; on an error it is shown with the reminder that the error still stands and must be corrected.
 */
export function FindingNoteRow({
  id,
  severity,
  forced,
  editing,
  onClose,
  columns,
}: {
  id: string;
  severity: 'error' | 'warning';
  /** A broken 强制 rule of the forms. */
  forced: boolean;
  editing: boolean;
  onClose: () => void;
  columns: number;
}) {
  const store = useEditorStore();
  const note = useStoreSelector((s) => s.document.findingNotes?.[id] ?? '');
  if (!editing && note === '') return null;
  return (
    <tr className="gk-finding-note" data-testid="finding-note">
      <td />
      <td colSpan={columns - 1}>
        {editing ? (
          <NoteEditor
            initial={note}
            severity={severity}
            onSave={(text) => {
              store.setFindingNote(id, text);
              onClose();
            }}
            onCancel={onClose}
          />
        ) : (
          <span>
            <strong>说明：</strong>
            <span data-testid="finding-note-text">{note}</span>
            {severity === 'error' && (
              <span className="gk-note-still-error" data-testid="finding-note-still-error">
                {forced ? '（强制审核错误：写了说明仍是错误，须改正）' : '（错误写了说明仍是错误，须改正）'}
              </span>
            )}
          </span>
        )}
      </td>
    </tr>
  );
}

function NoteEditor({
  initial,
  severity,
  onSave,
  onCancel,
}: {
  initial: string;
  severity: 'error' | 'warning';
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="gk-note-editor" onClick={(e) => e.stopPropagation()}>
      <textarea
        ref={ref}
        value={text}
        maxLength={MAX_NOTE}
        rows={2}
        data-testid="finding-note-input"
        aria-label="说明"
        placeholder={
          severity === 'error'
            ? '错误须改正；说明只随审核报告报送，不会使它通过'
            : '如：尾数差异系按元填报后四舍五入到万元所致'
        }
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // The grid's and the app's shortcuts must not act on keys typed here.
          e.stopPropagation();
          if (e.key === 'Escape') onCancel();
          else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSave(text);
        }}
      />
      <div className="gk-note-actions">
        <ActionButton
          action="saveFindingNote"
          className="gk-button gk-small"
          data-testid="finding-note-save"
          onPerform={() => onSave(text)}
        >
          保存说明
        </ActionButton>
        {initial !== '' && (
          <ActionButton
            action="removeFindingNote"
            className="gk-button gk-small gk-secondary"
            data-testid="finding-note-remove"
            onPerform={() => onSave('')}
          >
            删除说明
          </ActionButton>
        )}
        <ActionButton
          action="cancelFindingNote"
          className="gk-button gk-small gk-secondary"
          onPerform={onCancel}
        >
          取消
        </ActionButton>
        <span className="gk-hint">Ctrl+Enter 保存，Esc 取消；可撤销</span>
      </div>
    </div>
  );
}
