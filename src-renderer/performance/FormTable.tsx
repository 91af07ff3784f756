import { ActionButton } from '../actions/ActionButton';
import type { ReactNode } from 'react';
import {
  formTitle,
  isComputedCell,
  isFieldCell,
  insertItem,
  listTotal,
  mergeSpans,
  mergeState,
  mergedKeys,
  parseAmount,
  plainLabel,
  printedAmount,
  rateText,
  removeItem,
  setMerged,
  emptyIndicator,
  type FormCell,
  type FormFieldCell,
  type FormListBand,
  type FormListColumn,
  type FormTableTemplate,
  type GongkaiDocument,
  type PerformanceFinding,
  type PerformanceFormData,
} from '../../src-core';
import { CellField } from './CellField';

type Data = Record<string, unknown>;
type Item = Record<string, string | undefined>;

export interface FormTableProps {
  readonly template: FormTableTemplate;
  readonly data: Data;
  /** Where the form sits in doc.performance: summary, overall, projects.2. */
  readonly base: string;
  readonly doc: GongkaiDocument;
  /** Findings by path. */
  readonly marks: ReadonlyMap<string, readonly PerformanceFinding[]>;
  readonly onChange: (next: Data, label?: string) => void;
}

/**
 * One 绩效自评表 laid out as its template prints it — title, the lines above the table, the table with the same
 * merged cells, the 备注 — with the values editable in place, rows of the list added, removed, merged and split,
 * and the cells that have findings marked (red: error, amber: 提示; the message as the tooltip).
 */
export function FormTable({ template, data, base, doc, marks, onChange }: FormTableProps) {
  const text = (field: string) => (typeof data[field] === 'string' ? (data[field] as string) : '');
  const set = (field: string, value: string | undefined, label?: string) => {
    if (data[field] === value) return;
    const next: Data = { ...data };
    if (value === undefined) delete next[field];
    else next[field] = value;
    onChange(next, label);
  };
  const total = template.columns.reduce((a, b) => a + b, 0);
  const asForm = (d: Data) => d as unknown as PerformanceFormData;
  const defaultTitle = formTitle(template, doc, asForm({ ...data, title: undefined }));
  const rows: ReactNode[] = [];
  template.bands.forEach((band, b) => {
    if (band.type === 'row') {
      rows.push(
        <tr key={`band-${b}`}>
          {band.cells.map((cell, c) => (
            <Cell
              key={c}
              cell={cell}
              template={template}
              data={data}
              base={base}
              doc={doc}
              marks={marks}
              set={set}
            />
          ))}
        </tr>,
      );
    } else {
      rows.push(...listRows(band, data, base, marks, onChange));
    }
  });

  return (
    <section className="pfe-form" data-testid={`performance-form-${base}`}>
      <CellField
        value={formTitle(template, doc, asForm(data))}
        label="表名"
        path={`${base}.title`}
        className="pfe-title"
        align="center"
        title="表名：默认按模板生成；可改成印发时的写法（如单位简称）。清空即恢复默认。"
        onCommit={(t) => {
          const v = t.trim();
          set('title', v === '' || v === defaultTitle ? undefined : v);
        }}
      />
      {template.meta.length > 0 && (
        <div className="pfe-meta">
          {template.meta.map((m, i) => (
            <label key={i} className="pfe-meta-item">
              <span>{m.text}：</span>
              {'field' in m ? (
                <Marked marks={marks} path={`${base}.${m.field}`}>
                  <CellField
                    value={text(m.field)}
                    label={m.text}
                    path={`${base}.${m.field}`}
                    placeholder={m.placeholder}
                    onCommit={(t) => set(m.field, t.trim())}
                  />
                </Marked>
              ) : (
                <span className="pfe-computed" title="在“单位信息”中修改">
                  {doc.unit.name}
                </span>
              )}
            </label>
          ))}
        </div>
      )}
      <table className="pfe-table">
        <colgroup>
          {template.columns.map((w, i) => (
            <col key={i} style={{ width: `${((w / total) * 100).toFixed(2)}%` }} />
          ))}
          <col className="pfe-actions-col" />
        </colgroup>
        <tbody>{rows}</tbody>
      </table>
      {template.notes.length > 0 && (
        <div className="pfe-notes">
          {template.notes.map((n, i) => (
            <p key={i}>{n}</p>
          ))}
        </div>
      )}
    </section>
  );
}

/** A cell of a fixed row: printed text, a field, or a computed value. */
function Cell({
  cell,
  template,
  data,
  base,
  doc,
  marks,
  set,
}: {
  cell: FormCell;
  template: FormTableTemplate;
  data: Data;
  base: string;
  doc: GongkaiDocument;
  marks: ReadonlyMap<string, readonly PerformanceFinding[]>;
  set: (field: string, value: string | undefined, label?: string) => void;
}) {
  const span = { colSpan: cell.colSpan, rowSpan: cell.rowSpan };
  if (isFieldCell(cell)) {
    const path = `${base}.${cell.field}`;
    const raw = typeof data[cell.field] === 'string' ? (data[cell.field] as string) : '';
    const computed = cell.field === 'rate' ? rateText(data as { budget: string; actual: string }) : '';
    return (
      <Marked as="td" marks={marks} path={path} {...span} className={`pfe-cell pfe-${cell.input ?? 'text'}`}>
        <FieldEditor cell={cell} raw={raw} path={path} onSet={(v) => set(cell.field, v)} />
        {cell.input === 'percent' && (
          <span className="pfe-hint" title="按执行数（B）÷预算数（A）计算">
            {computed ? `计算值 ${computed}` : '填写预算数和执行数后计算'}
          </span>
        )}
        <Adopt marks={marks} path={path} onAdopt={(v) => set(cell.field, v)} />
      </Marked>
    );
  }
  if (isComputedCell(cell)) {
    const path = `${base}.${cell.computed}`;
    if (cell.computed === 'total') {
      const list = template.bands.find((b): b is FormListBand => b.type === 'list');
      const items = list && Array.isArray(data[list.field]) ? (data[list.field] as object[]) : [];
      const sum = listTotal(items, cell.of ?? 'amount');
      return (
        <Marked as="td" marks={marks} path={path} {...span} className="pfe-cell pfe-amount pfe-computed">
          <span tabIndex={-1} data-path={path} title="合计按各行自动计算">
            {sum === null ? '' : printedAmount(sum.toFixed())}
            {sum !== null && cell.suffix}
          </span>
        </Marked>
      );
    }
    return (
      <td {...span} className="pfe-cell pfe-computed" title="在“单位信息”中修改">
        {doc.unit.name}
      </td>
    );
  }
  return (
    <th {...span} className="pfe-label">
      {cell.text}
    </th>
  );
}

/** The editor of one field by its input kind. */
function FieldEditor({
  cell,
  raw,
  path,
  onSet,
}: {
  cell: Pick<FormFieldCell, 'input' | 'options' | 'suffix' | 'placeholder' | 'name'> & { label?: string };
  raw: string;
  path: string;
  onSet: (value: string) => void;
}) {
  const label = cell.name ?? cell.label ?? '';
  switch (cell.input) {
    case 'choice':
      return (
        <span className="pfe-options" role="radiogroup" aria-label={label} data-path={path} tabIndex={-1}>
          {(cell.options ?? []).map((o, i) => (
            <label key={o} className="pfe-option">
              <input type="radio" name={path} checked={raw === o} onChange={() => onSet(o)} />
              {i + 1}、{o}
            </label>
          ))}
        </span>
      );
    case 'amount':
      return (
        <span className="pfe-with-suffix">
          <CellField
            value={raw}
            display={printedAmount(raw)}
            label={label}
            path={path}
            align="right"
            placeholder={cell.placeholder ?? '0.00'}
            onCommit={(t) => {
              const parsed = parseAmount(t);
              if (!parsed.ok) return parsed.message;
              onSet(parsed.value === null ? '' : parsed.value.toFixed());
            }}
          />
          {cell.suffix && <span className="pfe-suffix">{cell.suffix}</span>}
        </span>
      );
    default:
      return (
        <CellField
          value={raw}
          label={label}
          path={path}
          multiline={cell.input !== 'percent'}
          align={cell.input === 'textarea' ? 'left' : 'center'}
          placeholder={cell.placeholder}
          onCommit={(t) => onSet(cell.input === 'percent' ? t.trim() : t)}
        />
      );
  }
}

/** The heading and the items of the form's list, with a column of row actions outside the printed form. */
function listRows(
  band: FormListBand,
  data: Data,
  base: string,
  marks: ReadonlyMap<string, readonly PerformanceFinding[]>,
  onChange: (next: Data, label?: string) => void,
): ReactNode[] {
  const items = (Array.isArray(data[band.field]) ? data[band.field] : []) as Item[];
  const setItems = (next: Item[], label: string) => onChange({ ...data, [band.field]: next }, label);
  const blank = (): Item =>
    band.field === 'indicators'
      ? emptyIndicator()
      : Object.fromEntries(band.columns.filter((c) => c.key).map((c) => [c.key as string, '']));
  const keys = mergedKeys(band.columns);
  const spans = mergeSpans(items, band.columns);
  const out: ReactNode[] = [];
  out.push(
    <tr key={`${band.field}-head`} className="pfe-list-head">
      {band.side && (
        <th className="pfe-label pfe-side" colSpan={band.side.colSpan} rowSpan={items.length + 1}>
          {band.side.text}
        </th>
      )}
      {band.columns.map((c, i) => (
        <th key={i} className="pfe-label pfe-head" colSpan={c.colSpan}>
          {c.text}
        </th>
      ))}
      <td className="pfe-actions">
        <ActionButton
          action="addFormItem"
          className="pfe-btn"
          onPerform={() => setItems(insertItem(items, items.length - 1, blank()), `添加${band.item}`)}
          title={`在末尾添加一行${band.item}`}
        >
          ＋ 添加{band.item}
        </ActionButton>
      </td>
    </tr>,
  );
  items.forEach((item, i) => {
    const rowPath = `${base}.${band.field}.${i}`;
    const rowMarks = marks.get(rowPath) ?? [];
    const cells: ReactNode[] = [];
    band.columns.forEach((c, ci) => {
      const m = c.key === undefined ? -1 : keys.indexOf(c.key);
      const rowSpan = m >= 0 ? (spans[i]?.[m] ?? 1) : 1;
      if (rowSpan === 0) return;
      if (c.computed === 'index') {
        cells.push(
          <td key={ci} className="pfe-cell pfe-index" colSpan={c.colSpan}>
            {i + 1}
          </td>,
        );
        return;
      }
      const key = c.key as string;
      const path = `${rowPath}.${key}`;
      cells.push(
        <Marked
          as="td"
          key={ci}
          marks={marks}
          path={path}
          colSpan={c.colSpan}
          rowSpan={rowSpan > 1 ? rowSpan : undefined}
          className={`pfe-cell pfe-${c.input ?? 'text'}${rowSpan > 1 ? ' pfe-merged' : ''}`}
        >
          <FieldEditor
            cell={{ input: c.input ?? 'textarea', label: plainLabel(c.text) }}
            raw={item[key] ?? ''}
            path={path}
            onSet={(v) => {
              if ((item[key] ?? '') === v) return;
              const next = [...items];
              next[i] = { ...item, [key]: v };
              setItems(next, '修改绩效自评表');
            }}
          />
        </Marked>,
      );
    });
    out.push(
      <tr
        key={`${band.field}-${i}`}
        className={`pfe-item${rowMarks.length > 0 ? ' pfe-row-warning' : ''}`}
        title={rowMarks.map((f) => f.message).join('\n') || undefined}
        data-path={rowPath}
      >
        {cells}
        <td className="pfe-actions">
          <RowActions
            band={band}
            items={items}
            index={i}
            onInsert={() => setItems(insertItem(items, i, blank()), `添加${band.item}`)}
            onRemove={() => setItems(removeItem(items, i, band.columns), `删除${band.item}`)}
            onMerge={(key, merged) =>
              setItems(setMerged(items, i, key, merged, band.columns), merged ? '合并单元格' : '拆分单元格')
            }
          />
        </td>
      </tr>,
    );
  });
  return out;
}

function RowActions({
  band,
  items,
  index,
  onInsert,
  onRemove,
  onMerge,
}: {
  band: FormListBand;
  items: readonly Item[];
  index: number;
  onInsert: () => void;
  onRemove: () => void;
  onMerge: (key: string, merged: boolean) => void;
}) {
  const mergeable = band.columns.filter((c): c is FormListColumn & { key: string } => !!c.merge && !!c.key);
  return (
    <span className="pfe-row-actions">
      <ActionButton
        action="insertFormItem"
        className="pfe-btn"
        title={`在下方插入一行${band.item}（与本行同组）`}
        onPerform={onInsert}
      >
        ＋
      </ActionButton>
      <ActionButton
        action="removeFormItem"
        className="pfe-btn pfe-danger"
        title={`删除第${index + 1}行${band.item}`}
        onPerform={onRemove}
      >
        －
      </ActionButton>
      {mergeable.map((c) => {
        const state = mergeState(items, index, c.key, band.columns);
        if (index === 0) return null;
        const name = plainLabel(c.text).replace(/指标$/, '');
        return (
          <ActionButton
            action="toggleFormMerge"
            key={c.key}
            className={`pfe-btn pfe-toggle${state.merged ? ' active' : ''}`}
            aria-pressed={state.merged}
            disabled={!state.possible}
            title={
              !state.possible
                ? `左侧的单元格没有与上一行合并，${c.text}不能合并`
                : state.merged
                  ? `“${c.text}”与上一行合并；点击拆分，本行单独填写`
                  : `点击将本行的“${c.text}”与上一行合并`
            }
            onPerform={() => onMerge(c.key, !state.merged)}
          >
            {name}合并
          </ActionButton>
        );
      })}
    </span>
  );
}

/** A cell (or span) marked by the worst finding at its path, the messages as its tooltip. */
function Marked({
  as = 'span',
  marks,
  path,
  className,
  children,
  colSpan,
  rowSpan,
}: {
  as?: 'td' | 'span';
  marks: ReadonlyMap<string, readonly PerformanceFinding[]>;
  path: string;
  className?: string;
  children: ReactNode;
  colSpan?: number;
  rowSpan?: number;
}) {
  const found = marks.get(path) ?? [];
  const severity = found.some((f) => f.severity === 'error') ? 'error' : found.length > 0 ? 'warning' : null;
  const cls = `${className ?? ''}${severity ? ` pfe-mark pfe-${severity}` : ''}`.trim() || undefined;
  const title = found.length > 0 ? found.map((f) => f.message).join('\n') : undefined;
  if (as === 'td')
    return (
      <td
        className={cls}
        colSpan={colSpan}
        rowSpan={rowSpan}
        title={title}
        data-finding={severity ?? undefined}
      >
        {children}
      </td>
    );
  return (
    <span className={cls} title={title} data-finding={severity ?? undefined}>
      {children}
    </span>
  );
}

/** “采用 74%”: puts the expected value of a finding into the field. */
function Adopt({
  marks,
  path,
  onAdopt,
}: {
  marks: ReadonlyMap<string, readonly PerformanceFinding[]>;
  path: string;
  onAdopt: (value: string) => void;
}) {
  const f = (marks.get(path) ?? []).find((x) => x.expected !== undefined);
  if (!f || f.expected === undefined) return null;
  const value = f.expected;
  return (
    <ActionButton
      action="adoptFormValue"
      className="pfe-adopt"
      title={`采用${f.source ? `${f.source}的` : '计算的'}${value}`}
      onPerform={() => onAdopt(value)}
    >
      采用 {value}
    </ActionButton>
  );
}
