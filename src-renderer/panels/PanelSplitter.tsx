import { useRef } from 'react';

/**
 * The bar above a bottom panel: drag it (or focus it and press ↑/↓) to make the panel taller or lower; a double
 * click folds or unfolds the panel. `height` is the panel's height now; `onResize` gets the height asked for.
 */
export function PanelSplitter({
  label,
  height,
  onResize,
  onToggle,
  testId,
}: {
  label: string;
  height: number;
  onResize: (height: number) => void;
  onToggle: () => void;
  testId: string;
}) {
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  return (
    <div
      className="gk-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label={label}
      aria-valuenow={height}
      tabIndex={0}
      title={`${label}（拖动；双击收起或展开）`}
      data-testid={testId}
      onPointerDown={(e) => {
        if (e.button !== 0) return;
        e.preventDefault();
        e.currentTarget.setPointerCapture(e.pointerId);
        drag.current = { startY: e.clientY, startHeight: height };
      }}
      onPointerMove={(e) => {
        const d = drag.current;
        // Dragging up makes the panel below taller.
        if (d) onResize(d.startHeight + (d.startY - e.clientY));
      }}
      onPointerUp={(e) => {
        drag.current = null;
        e.currentTarget.releasePointerCapture(e.pointerId);
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
      onDoubleClick={onToggle}
      onKeyDown={(e) => {
        const step = e.shiftKey ? 60 : 20;
        if (e.key === 'ArrowUp') onResize(height + step);
        else if (e.key === 'ArrowDown') onResize(height - step);
        else if (e.key === 'Enter') onToggle();
        else return;
        e.preventDefault();
      }}
    />
  );
}
