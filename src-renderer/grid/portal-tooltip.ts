import type { ITooltipComp, ITooltipParams } from 'ag-grid-community';

/**
 * Where a grid's tooltips are drawn by React: the grid hands over an element of its own and the params of the cell;
 * TableGrid renders the tooltip into that element (a portal, so it has the window's contexts, such as the actions).
 */
export interface TooltipHost<T> {
  /** The grid opens a tooltip: its content must be in `el` when this returns (the grid then measures and places it). */
  show(el: HTMLElement, params: ITooltipParams<T>): void;
  /** The grid closes the tooltip it opened in `el`. */
  hide(el: HTMLElement): void;
}

/** What a column gives its tooltips (`tooltipComponentParams`): the host that draws them. */
export interface PortalTooltipParams<T> {
  readonly host: TooltipHost<T>;
}

/** AG Grid's tooltip component: an empty element of its own, filled by the column's TooltipHost. */
export class PortalTooltip<T> implements ITooltipComp {
  private readonly el = document.createElement('div');
  private host: TooltipHost<T> | null = null;

  init(params: ITooltipParams<T> & PortalTooltipParams<T>): void {
    this.host = params.host;
    this.host.show(this.el, params);
  }

  getGui(): HTMLElement {
    return this.el;
  }

  destroy(): void {
    this.host?.hide(this.el);
    this.host = null;
  }
}
