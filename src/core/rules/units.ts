import type { Amount, Line, TableModel, WorkbookModel } from '../model/tables';

/**
 * Money units (issue #9): every comparison and message is in 万元. A table kept in 元
 * (金额单位：元) is seen by the rules through a copy whose figures are divided by 10 000;
 * the cells stay the same. The reader's model itself is left as read (the narrative
 * checker converts on its own).
 */
const CONVERTED = new WeakSet<TableModel>();

/** The factor to 万元 of a table's money unit. */
function factorOf(t: TableModel): number {
  return t.moneyUnit === '元' ? 1 / 10000 : 1;
}

function convertAmount(a: Amount, factor: number): Amount {
  if (!Number.isFinite(a.value) || a.value === 0) return { ...a };
  return { ...a, value: Math.round(a.value * factor * 1e8) / 1e8 };
}

/** The model with every table in 元 converted to 万元 (the same model when none is). */
export function inTenThousands(model: WorkbookModel): WorkbookModel {
  const keys = Object.keys(model.tables) as Array<keyof WorkbookModel['tables']>;
  const pending = (t: TableModel | undefined) => t !== undefined && t.moneyUnit === '元' && !CONVERTED.has(t);
  if (!keys.some((k) => pending(model.tables[k]))) return model;
  const tables: WorkbookModel['tables'] = {};
  for (const k of keys) {
    const t = model.tables[k];
    if (!t) continue;
    if (t.moneyUnit !== '元' || CONVERTED.has(t)) {
      tables[k] = t;
      continue;
    }
    const factor = factorOf(t);
    const lines: Line[] = t.lines.map((l) => {
      const values: Line['values'] = {};
      for (const col in l.values) {
        const a = l.values[col];
        if (a) values[col] = convertAmount(a, factor);
      }
      return { ...l, values };
    });
    const copy: TableModel = { ...t, lines };
    CONVERTED.add(copy);
    tables[k] = copy;
  }
  return { ...model, tables };
}

/** Sheets whose figures were converted from 元, for naming the unit in findings. */
export function convertedSheets(model: WorkbookModel): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(model.tables)) if (t && CONVERTED.has(t)) out.add(t.sheet);
  return out;
}

/** Appended to a finding that involves a converted table. */
export const CONVERTED_NOTE = '（原表金额单位为元，已折算为万元核对）';
