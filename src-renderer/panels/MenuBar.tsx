import { ActionButton } from '../actions/ActionButton';
import { useEffect, useRef, useState } from 'react';
import { actionSpec, chordText, MENUS, pageMenuItems } from '../../src-core';
import { useActions } from '../actions/action-runner';
import { useStoreSelector } from '../state/use-store';
import { countRender } from '../state/render-counts';

/** The in-page menu bar of the browser host (Electron has the native menu with the same commands). */
export function MenuBar() {
  countRender('MenuBar');
  const actions = useActions();
  // Re-drawn when what enables its items changes: an export running, a table shown or not.
  useStoreSelector((s) => [s.busy, s.page.kind]);
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
        <div key={menu.id} className="gk-menu">
          <ActionButton
            action="openMenu"
            role="menuitem"
            className={open === i ? 'open' : ''}
            data-testid={`menu-${menu.label}`}
            onPerform={() => setOpen(open === i ? null : i)}
            onMouseEnter={() => open !== null && setOpen(i)}
          >
            {menu.label}
          </ActionButton>
          {open === i && (
            <div className="gk-menu-pop" role="menu">
              {pageMenuItems(menu.items).map((id, k) => {
                if (id === '-') return <hr key={k} />;
                const spec = actionSpec(id);
                const key = spec.keys?.[0];
                return (
                  <ActionButton
                    key={id}
                    action="openMenu"
                    role="menuitem"
                    data-testid={`cmd-${id}`}
                    data-action={id}
                    disabled={!actions.enabled(id)}
                    onPerform={() => {
                      setOpen(null);
                      void actions.perform(id);
                    }}
                  >
                    <span>
                      {spec.label}
                      {spec.opensDialog ? '…' : ''}
                    </span>
                    {key && <kbd>{chordText(key)}</kbd>}
                  </ActionButton>
                );
              })}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
