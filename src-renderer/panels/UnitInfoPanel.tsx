import { ActionButton } from '../actions/ActionButton';
import { convertMoneyUnit, parseTolerance } from '../../src-core';
import type { EditorStore } from '../state/editor-store';
import { useStore } from '../state/use-store';
import { CommitInput } from './CommitInput';

/** 单位信息: name, year, money unit, publication date, phone, and the 尾数 tolerance. */
export function UnitInfoPanel() {
  const store = useStore();
  const unit = store.document.unit;
  const set = (patch: Parameters<typeof store.apply>[0]) => store.apply(patch, '修改单位信息');
  return (
    <div className="gk-unit" data-testid="unit-info">
      <h2>单位信息</h2>
      <label>
        单位名称
        <CommitInput
          value={unit.name}
          data-testid="unit-name"
          onCommit={(name) => set({ type: 'setUnit', unit: { name: name.trim() } })}
        />
      </label>
      <label>
        决算年度
        <CommitInput
          value={String(unit.year)}
          inputMode="numeric"
          data-testid="unit-year"
          onCommit={(text) => {
            const year = Number(text.trim());
            if (!Number.isInteger(year) || year < 2000 || year > 2100)
              return '年度应是 2000—2100 之间的四位数字。';
            set({ type: 'setUnit', unit: { year } });
          }}
        />
      </label>
      <label>
        金额单位
        <select
          value={unit.moneyUnit}
          data-testid="unit-money"
          onChange={(e) => void changeMoneyUnit(store, e.target.value as '万元' | '元')}
        >
          <option value="万元">万元</option>
          <option value="元">元</option>
        </select>
      </label>
      <label>
        公开日期
        <input
          type="date"
          value={unit.publishDate}
          onChange={(e) => set({ type: 'setUnit', unit: { publishDate: e.target.value } })}
        />
      </label>
      <label>
        联系电话
        <CommitInput
          value={unit.phone}
          onCommit={(phone) => set({ type: 'setUnit', unit: { phone: phone.trim() } })}
        />
      </label>
      <label>
        尾数容差（{unit.moneyUnit}）
        <CommitInput
          value={store.document.settings.tolerance}
          data-testid="unit-tolerance"
          onCommit={(text) => {
            const parsed = parseTolerance(text);
            if (!parsed.ok) return parsed.message;
            set({ type: 'setSettings', settings: { tolerance: parsed.value } });
          }}
        />
      </label>
      <p className="gk-hint">
        差额不超过尾数容差的记为“尾数差异”提示；超过的按规则记为错误或提示。金额单位转换时可能产生尾数误差（见各表注）。
      </p>
      <CatalogSection />
    </div>
  );
}

/**
 * 金额单位 is not a label only: the convertMoneyUnit command (also behind `gongkai convert`) decides what changing
 * it does — 元→万元 converts the amounts with 舍位平衡 and resets the 尾数容差; 万元→元 multiplies them (and the
 * tolerances) by 10,000 exactly — and what to ask first; this applies it as one undoable step.
 */
async function changeMoneyUnit(store: EditorStore, unit: '万元' | '元'): Promise<void> {
  if (unit === store.document.unit.moneyUnit) return;
  const command = convertMoneyUnit(store.session.formSet, store.document, unit);
  if (!command.ok) {
    store.showDialog({ kind: 'message', title: `无法换算为${unit}`, text: command.message });
    return;
  }
  if (command.confirm !== undefined) {
    const choice = await store.ask(`换算为${unit}`, command.confirm, [
      { id: 'ok', label: '确定', primary: true },
      { id: 'cancel', label: '取消' },
    ]);
    if (choice !== 'ok') return;
  }
  store.apply(command.operation, command.label);
  for (const notice of command.notices) store.notify(notice.level, notice.text, [...notice.details]);
}

/** The 功能分类 catalog: the built-in one plus this file's own 科目, or a local catalog imported to replace it. */
function CatalogSection() {
  const store = useStore();
  const builtin = store.session.formSet.catalog;
  const custom = store.document.catalog;
  return (
    <section className="gk-catalog">
      <h3>功能分类科目目录</h3>
      <p className="gk-hint">
        内置：{builtin.name}（{builtin.year}年，{builtin.entries().length} 个科目）。
        {custom
          ? `本文件${custom.replace ? '以导入的目录替换内置目录' : '另有自定义科目'}：${custom.entries.length} 个。`
          : '本文件没有自定义科目。'}
      </p>
      <div>
        <ActionButton action="importCatalog" arg={{ replace: false }} className="gk-button gk-secondary">
          导入目录（追加）…
        </ActionButton>{' '}
        <ActionButton action="importCatalog" arg={{ replace: true }} className="gk-button gk-secondary">
          导入目录（替换内置）…
        </ActionButton>{' '}
        {custom && (
          <ActionButton action="clearCatalog" className="gk-button gk-secondary">
            清除自定义科目
          </ActionButton>
        )}
      </div>
      <p className="gk-hint">目录文件为两列：科目编码、科目名称（.xlsx 或 .csv）。</p>
    </section>
  );
}
