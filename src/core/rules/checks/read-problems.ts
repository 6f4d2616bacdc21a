import { TABLE_KEYS, type WorkbookModel } from '../../model/tables';
import type { Rule } from '../types';

/**
 * The cells `cell-value-issues` reports: amounts read from text or an error value, as
 * "sheet!address".
 */
function cellsWithValueIssues(model: WorkbookModel): Set<string> {
  const out = new Set<string>();
  for (const t of Object.values(model.tables)) {
    if (!t) continue;
    for (const l of t.lines) {
      for (const a of Object.values(l.values)) {
        if (a?.issue && a.issue.kind !== 'numericText') out.add(`${a.cell.sheet}!${a.cell.address}`);
      }
    }
  }
  return out;
}

/**
 * What the reader could not make sense of (ReadProblem), passed on as warnings. A problem
 * that only names amount cells holding text or an error value is left to
 * `cell-value-issues`, which reports those cells from their Amount.issue, so each such
 * cell is reported once. A problem naming any other cell (or none) is always passed on.
 */
const rule: Rule = {
  meta: {
    id: 'read-problems',
    description: '读取表格时遇到的问题（表头、行列无法识别等）',
    severity: 'warning',
    tables: [...TABLE_KEYS],
    rulesMd: null,
  },
  check(ctx) {
    let reported: Set<string> | undefined;
    for (const p of ctx.model.problems) {
      if (p.cells.length) {
        reported ??= cellsWithValueIssues(ctx.model);
        if (p.cells.every((c) => reported!.has(`${c.sheet}!${c.address}`))) continue;
      }
      ctx.report({ table: p.table, message: p.message, cells: p.cells });
    }
  },
};
export default rule;
