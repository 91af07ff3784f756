import { ActionButton } from '../actions/ActionButton';
import type { ITooltipParams } from 'ag-grid-community';
import { FINDING_KIND_NAMES as KIND } from '../../src-core';
import { amount } from '../state/amount-text';
import type { EditorStore } from '../state/editor-store';
import type { GridRow } from './grid-model';

/** What the column passes (`tooltipComponentParams`) besides the grid's own params. */
export interface FindingTooltipParams {
  readonly store: EditorStore;
  readonly tableId: string;
  readonly valueCell: (row: GridRow) => { row: string; col: string } | null;
}

/** The tooltip of a marked cell: each finding with its rule as written, the numbers, and 采用计算值. */
export function FindingTooltip(props: ITooltipParams<GridRow> & FindingTooltipParams) {
  const { store, tableId, valueCell, data } = props;
  const cell = data ? valueCell(data) : null;
  if (!cell) return null;
  const findings = store.workbook
    .findings()
    .filter((f) => f.cell.table === tableId && f.cell.row === cell.row && f.cell.col === cell.col);
  const state = store.workbook.cell(tableId, cell.row, cell.col);
  const adoptButton = (value: string) => (
    <ActionButton
      action="adoptComputed"
      arg={{ table: tableId, ...cell }}
      className="gk-button gk-use-computed"
      afterPerform={() => props.hideTooltipCallback?.()}
    >
      采用计算值 {value}
    </ActionButton>
  );
  if (findings.length === 0) {
    if (state?.unknown) return <div className="gk-tooltip">无法计算：它依赖的单元格里有无效数值。</div>;
    if (state?.derived && state.entered)
      return (
        <div className="gk-tooltip" data-testid="override-tooltip">
          <div className="gk-tip-title">计算单元格 · 保存了自己的数值</div>
          <div>
            这里保存的是录入、导入或发布的数值 {amount(state.value?.toString())}
            ，不随下级数据的修改而更新；按公式计算为 {amount(state.computed?.toString())}。
          </div>
          {adoptButton(amount(state.computed?.toString()))}
        </div>
      );
    return null;
  }
  return (
    <div className="gk-tooltip" data-testid="finding-tooltip">
      {findings.map((f) => (
        <div key={f.id} className={`gk-tip-item gk-tip-${f.severity}`}>
          <div className="gk-tip-title">
            {f.severity === 'error' ? '错误' : '提示'} · {KIND[f.kind]}
          </div>
          {f.kind === 'invalid' ? (
            <div>{f.message}</div>
          ) : (
            <table className="gk-tip-table">
              <tbody>
                {f.rule && (
                  <tr>
                    <th>规则</th>
                    <td>
                      {f.rule.text}
                      {f.rule.source !== 'printed' && f.rule.text !== f.rule.description && (
                        <div className="gk-tip-desc">{f.rule.description}</div>
                      )}
                    </td>
                  </tr>
                )}
                {f.instance && (
                  <tr>
                    <th>本处</th>
                    <td>{f.instance}</td>
                  </tr>
                )}
                <tr>
                  <th>应为</th>
                  <td className="gk-tip-num">{amount(f.expected)}</td>
                </tr>
                <tr>
                  <th>实际</th>
                  <td className="gk-tip-num">{amount(f.actual)}</td>
                </tr>
                <tr>
                  <th>差额</th>
                  <td className="gk-tip-num">{amount(f.difference)}</td>
                </tr>
              </tbody>
            </table>
          )}
          {f.canUseComputed && adoptButton(amount(f.expected))}
        </div>
      ))}
    </div>
  );
}
