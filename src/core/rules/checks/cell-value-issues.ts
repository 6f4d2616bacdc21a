import type { CellRef } from '../../cells';
import { TABLE_KEYS, type Amount } from '../../model/tables';
import type { Rule } from '../types';

const SHOWN = 5;

function addresses(list: Amount[]): string {
  const shown = list.slice(0, SHOWN).map((a) => `${a.cell.address}“${a.issue!.raw}”`);
  return list.length > SHOWN ? `${shown.join('、')}等` : shown.join('、');
}

/**
 * Cells that do not hold a clean number (Amount.issue), one finding per table and kind,
 * every cell listed in `cells`:
 *   error        #REF!, #DIV/0! …            → error   (a broken formula; its sums cannot be checked)
 *   text         words where a number belongs → warning (not checked; may be a deliberate filler)
 *   numericText  a number stored as text      → warning (read and checked, but SUM formulas skip it)
 */
const rule: Rule = {
  meta: {
    id: 'cell-value-issues',
    description: '金额单元格应为数值：错误值、文字、以文本存储的数字',
    severity: 'error',
    tables: [...TABLE_KEYS],
    rulesMd: null,
  },
  check(ctx) {
    for (const key of TABLE_KEYS) {
      const t = ctx.table(key);
      if (!t) continue;
      const byKind: Record<'error' | 'text' | 'numericText' | 'uncomputed', Amount[]> = { error: [], text: [], numericText: [], uncomputed: [] };
      for (const l of t.lines) {
        for (const a of Object.values(l.values)) if (a?.issue) byKind[a.issue.kind].push(a);
      }
      const tl = ctx.tableLabel(key);
      const cells = (list: Amount[]): CellRef[] => list.map((a) => a.cell);
      if (byKind.error.length > 0) {
        ctx.report({
          table: key,
          severity: 'error',
          message: `${tl}有 ${byKind.error.length} 个金额单元格是错误值：${addresses(byKind.error)}，请检查公式；涉及这些单元格的校验已跳过`,
          cells: cells(byKind.error),
        });
      }
      if (byKind.uncomputed.length > 0) {
        // Not a mistake of the user's: a figure nobody could compute (无法核对, never 0).
        ctx.report({
          table: key,
          severity: 'unverified',
          message: `${tl}有 ${byKind.uncomputed.length} 个金额单元格的公式未能计算：${addresses(byKind.uncomputed)}；涉及这些单元格的校验无法核对。请用 Excel 或 WPS 打开并保存后再校验`,
          cells: cells(byKind.uncomputed),
        });
      }
      // Dates and times (the xlsx host reads a date-formatted cell as "2021-12-31", "08:30").
      const isDate = (a: Amount) => /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$|^\d{2}:\d{2}(:\d{2})?$/.test(a.issue!.raw);
      const dates = byKind.text.filter(isDate);
      byKind.text = byKind.text.filter((a) => !isDate(a));
      if (dates.length > 0) {
        ctx.report({
          table: key,
          severity: 'warning',
          message: `${tl}有 ${dates.length} 个金额单元格填的是日期或时间：${addresses(dates)}，请改为金额；涉及这些单元格的校验已跳过`,
          cells: cells(dates),
        });
      }
      if (byKind.text.length > 0) {
        ctx.report({
          table: key,
          severity: 'warning',
          message: `${tl}有 ${byKind.text.length} 个金额单元格填的是文字：${addresses(byKind.text)}，请改为数字或留空；涉及这些单元格的校验已跳过`,
          cells: cells(byKind.text),
        });
      }
      if (byKind.numericText.length > 0) {
        ctx.report({
          table: key,
          severity: 'warning',
          message: `${tl}有 ${byKind.numericText.length} 个数字以文本形式存储：${addresses(byKind.numericText)}，已按数字校验，但求和公式会漏算，建议转换为数值`,
          cells: cells(byKind.numericText),
        });
      }
    }
  },
};
export default rule;
