import { useState } from 'react';
import { parseAmount } from '../../src-core';
import { useStore } from '../state/use-store';

/** 单位信息: name, year, money unit, publication date, phone, and the 尾数 tolerance. */
export function UnitInfoPanel() {
  const store = useStore();
  const unit = store.document.unit;
  const [tolerance, setTolerance] = useState(store.document.settings.tolerance);
  const [toleranceError, setToleranceError] = useState<string | null>(null);
  const set = (patch: Parameters<typeof store.apply>[0]) => store.apply(patch, '修改单位信息');
  return (
    <div className="gk-unit" data-testid="unit-info">
      <h2>单位信息</h2>
      <label>
        单位名称
        <input value={unit.name} onChange={(e) => set({ type: 'setUnit', unit: { name: e.target.value } })} data-testid="unit-name" />
      </label>
      <label>
        决算年度
        <input
          type="number"
          value={unit.year}
          min={2000}
          max={2100}
          onChange={(e) => {
            const year = Number(e.target.value);
            if (Number.isInteger(year) && year >= 2000 && year <= 2100) set({ type: 'setUnit', unit: { year } });
          }}
        />
      </label>
      <label>
        金额单位
        <select value={unit.moneyUnit} onChange={(e) => set({ type: 'setUnit', unit: { moneyUnit: e.target.value as '万元' | '元' } })}>
          <option value="万元">万元</option>
          <option value="元">元</option>
        </select>
      </label>
      <label>
        公开日期
        <input type="date" value={unit.publishDate} onChange={(e) => set({ type: 'setUnit', unit: { publishDate: e.target.value } })} />
      </label>
      <label>
        联系电话
        <input value={unit.phone} onChange={(e) => set({ type: 'setUnit', unit: { phone: e.target.value } })} />
      </label>
      <label>
        尾数容差（万元）
        <input
          value={tolerance}
          data-testid="unit-tolerance"
          onChange={(e) => setTolerance(e.target.value)}
          onBlur={() => {
            const parsed = parseAmount(tolerance);
            if (!parsed.ok || parsed.value === null || parsed.value.isNegative()) {
              setToleranceError(parsed.ok ? '容差应是不小于 0 的数字，如 0.01。' : parsed.message);
              return;
            }
            setToleranceError(null);
            if (parsed.value.toFixed() !== store.document.settings.tolerance) {
              set({ type: 'setSettings', settings: { tolerance: parsed.value.toFixed() } });
            }
          }}
        />
      </label>
      {toleranceError && <div className="gk-field-error">{toleranceError}</div>}
      <p className="gk-hint">
        差额不超过尾数容差的记为“尾数差异”提示；超过的按规则记为错误或提示。金额单位转换时可能产生尾数误差（见各表注）。
      </p>
    </div>
  );
}
