import type { ColumnId, Line, LineId, TableModel } from '../model/tables';
import { tidyLabel } from '../text/normalize';
import {
  Problems,
  classCodeOf,
  headerPaths,
  isColumnNumberRow,
  isMetaKey,
  labelKey,
  matchColumns,
  noteOfRow,
  readAmountCell,
  scanMeta,
  type Block,
  tableModelOf,
} from './common';
import { digitsOf, type Grid } from './grid';
import { AMOUNT_HEADER_RE, EXPENSE_LABELS, FISCAL_EXPENSE_COLUMNS, FUND_LABELS, INCOME_LABELS } from './vocabulary';

function incomeId(k: string): LineId | undefined {
  return INCOME_LABELS.find((x) => x.re.test(k))?.id;
}
function expenseId(text: string): { id: LineId; code?: string } | undefined {
  const code = classCodeOf(text);
  if (code) return { id: code, code };
  const k = labelKey(text);
  const e = EXPENSE_LABELS.find((x) => x.re.test(k));
  return e ? { id: e.id } : undefined;
}
function fundOf(k: string): 'gpb' | 'govFund' | 'stateCapital' | undefined {
  return FUND_LABELS.find((x) => x.re.test(k))?.fund;
}

/** Is this column a 行次 column (header 行次, or increasing whole numbers down the rows)? */
function isLineNumberColumn(grid: Grid, col: number, headerRows: number[], dataRows: number[]): boolean {
  if (headerRows.some((r) => grid.key(r, col) === '行次')) return true;
  const nums: number[] = [];
  for (const r of dataRows) {
    const v = grid.value(r, col);
    if (v === null || v === '') continue;
    const d = digitsOf(v);
    if (d === undefined) return false;
    nums.push(Number(d));
  }
  return nums.length >= 3 && nums.every((n, i) => i === 0 || n > nums[i - 1]);
}

/**
 * 01 收入支出决算总表 and 04 财政拨款收入支出决算总表: the income side on the left, the
 * expense side on the right, each a label column, maybe a 行次 column, and amounts.
 */
export function readTwoSided(block: Block, problems: Problems): TableModel {
  const { grid, key } = block;
  const fiscal = key === 'fiscalSummary';
  const from = block.titleRow + 1;
  const to = block.bottom;

  // Label columns: where income labels and expense labels are found.
  const incVotes = new Map<number, number>();
  const expVotes = new Map<number, number>();
  for (let r = from; r <= to; r++) {
    for (const t of grid.rowTexts(r)) {
      if (incomeId(labelKey(t.text)) && !/总计/.test(t.key)) incVotes.set(t.col, (incVotes.get(t.col) ?? 0) + 1);
      if (classCodeOf(t.text) || EXPENSE_LABELS.some((x) => x.id !== 'exp.grandTotal' && x.re.test(labelKey(t.text)))) {
        expVotes.set(t.col, (expVotes.get(t.col) ?? 0) + 1);
      }
    }
  }
  const best = (m: Map<number, number>, pred: (c: number) => boolean = () => true) =>
    [...m.entries()].filter(([c]) => pred(c)).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  let incCol = best(incVotes);
  let expCol = best(expVotes, (c) => incCol === undefined || c > incCol);
  // Header 项目 cells as a fallback / check.
  let headerRow: number | undefined;
  for (let r = from; r <= to && headerRow === undefined; r++) {
    const items = grid.rowTexts(r).filter((t) => /^项目(名称)?$/.test(t.key));
    if (items.length >= 2) {
      headerRow = r;
      if (incCol === undefined) incCol = items[0].col;
      if (expCol === undefined) expCol = items[1].col;
    }
  }
  if (incCol === undefined || expCol === undefined || expCol <= incCol) {
    problems.add(key, `${block.grid.where(block.titleRow, block.titleCol)}：找到了${block.title}的标题，但认不出收入、支出两栏的项目列，未能读取。`, [
      grid.ref(block.titleRow, block.titleCol),
    ]);
    return emptyModel(block);
  }
  // First data row: the first row with a recognised label on either side.
  let firstData = to + 1;
  for (let r = from; r <= to; r++) {
    if (incomeId(labelKey(grid.str(r, incCol))) || expenseId(grid.str(r, expCol))) {
      firstData = r;
      break;
    }
  }
  const headerRows: number[] = [];
  for (let r = from; r < firstData; r++) if (!isColumnNumberRow(grid, r)) headerRows.push(r);
  const dataRows: number[] = [];
  for (let r = firstData; r <= to; r++) dataRows.push(r);

  const incCols: number[] = [];
  for (let c = incCol + 1; c < expCol; c++) if (!isLineNumberColumn(grid, c, headerRows, dataRows)) incCols.push(c);
  const expCols: number[] = [];
  for (let c = expCol + 1; c <= grid.right; c++) if (!isLineNumberColumn(grid, c, headerRows, dataRows)) expCols.push(c);
  const incPaths = headerPaths(grid, headerRows, incCols);
  const expPaths = headerPaths(grid, headerRows, expCols);
  const incAmount = matchColumns(incPaths, [{ id: 'amount', re: AMOUNT_HEADER_RE }]).amount ?? incCols[0];
  const columns: Partial<Record<ColumnId, number>> = {};
  if (incAmount !== undefined) columns.amount = incAmount;
  let expColumns: Partial<Record<ColumnId, number>>;
  if (fiscal) {
    expColumns = matchColumns(expPaths, FISCAL_EXPENSE_COLUMNS);
    if (expColumns.total === undefined && expCols.length) {
      const a = matchColumns(expPaths, [{ id: 'total', re: AMOUNT_HEADER_RE }]);
      expColumns.total = a.total ?? expCols[0];
    }
    Object.assign(columns, expColumns);
  } else {
    const a = matchColumns(expPaths, [{ id: 'amount', re: AMOUNT_HEADER_RE }]).amount ?? expCols[0];
    expColumns = a !== undefined ? { amount: a } : {};
    if (a !== undefined) columns['exp.amount'] = a;
  }

  const meta = scanMeta(grid, block.top, block.bottom);
  const lines: Line[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  let incState: 'normal' | 'opening' = 'normal';
  let expState: 'normal' | 'closing' = 'normal';
  let lastRow = firstData - 1;
  const shifted: number[] = [];
  let inNotes = false;
  const expColsHaveLineNo = expCols.length > 0 && expCols[0] > expCol + 1;
  const push = (l: Line) => {
    if (seen.has(l.id)) {
      const firstCell = Object.values(l.values)[0]?.cell ?? grid.ref(l.row, l.side === 'income' ? incCol : expCol);
      problems.add(key, `${grid.where(l.row, l.side === 'income' ? incCol : expCol)}：项目“${l.label}”重复出现，已按第一次出现读取。`, [firstCell]);
      return;
    }
    seen.add(l.id);
    lines.push(l);
  };
  for (let r = firstData; r <= to; r++) {
    if (grid.rowEmpty(r)) continue;
    const note = noteOfRow(grid, r);
    if (note) {
      notes.push(note);
      inNotes = true;
      lastRow = r;
      continue;
    }
    const texts = grid.rowTexts(r);
    if (texts.length && texts.every((t) => isMetaKey(t.key))) continue;
    if (isColumnNumberRow(grid, r)) continue;
    if (inNotes && texts.length && !texts.some((t) => incomeId(labelKey(t.text)) || expenseId(t.text))) {
      notes.push(texts.map((t) => tidyLabel(t.text)).join(' '));
      lastRow = r;
      continue;
    }

    // A row shifted one column left: the expense label sits in the income amount column
    // and the expense 行次 in the expense label column ('label'), or the row lost its empty
    // expense label and everything right of it moved left ('empty').
    let shift = 0;
    let shiftKind: 'label' | 'empty' | undefined;
    const expText = grid.str(r, expCol);
    if (
      incAmount === expCol - 1 &&
      (expText === '' || digitsOf(grid.value(r, expCol)) !== undefined) &&
      grid.isText(r, expCol - 1) &&
      expenseId(grid.str(r, expCol - 1))
    ) {
      shift = -1;
      shiftKind = 'label';
    } else if (
      incAmount === expCol - 1 &&
      expColsHaveLineNo &&
      digitsOf(grid.value(r, expCol)) !== undefined &&
      grid.isEmpty(r, expCol - 1) &&
      grid.isEmpty(r, grid.right)
    ) {
      shift = -1;
      shiftKind = 'empty';
    }
    if (shift) shifted.push(r);

    // Income side.
    const incText = grid.isText(r, incCol) ? grid.str(r, incCol) : '';
    if (incText) {
      const k = labelKey(incText);
      let id = incomeId(k);
      const fund = fundOf(k);
      if (fiscal && incState === 'opening' && fund) id = `inc.opening.${fund}`;
      if (id === 'inc.opening') incState = 'opening';
      if (id === 'inc.grandTotal') incState = 'normal';
      if (id) {
        const values: Line['values'] = {};
        if (shiftKind !== 'label' && incAmount !== undefined) values.amount = readAmountCell(grid, r, incAmount, key, problems, tidyLabel(incText));
        push({ id, label: tidyLabel(incText), side: 'income', row: r, values });
        lastRow = r;
      } else if (incAmount !== undefined && !grid.isEmpty(r, incAmount) && shiftKind !== 'label') {
        problems.add(key, `${grid.where(r, incCol)}：收入项目“${tidyLabel(incText)}”不是本表的标准项目，未读取。`, [grid.ref(r, incCol)]);
      }
    }

    // Expense side.
    const eCol = expCol + shift;
    let eText = grid.isText(r, eCol) ? grid.str(r, eCol) : '';
    // Under 年末财政拨款结转和结余 a fund row may have lost its label (shifted rows): it
    // stands beside the income side's fund row of the same name.
    let fundBeside: 'gpb' | 'govFund' | 'stateCapital' | undefined;
    if (!eText && fiscal && expState === 'closing' && shiftKind === 'empty') {
      fundBeside = fundOf(labelKey(incText));
      if (fundBeside) eText = tidyLabel(incText);
    }
    if (eText) {
      const k = labelKey(eText);
      let found = expenseId(eText);
      const fund = fundBeside ?? fundOf(k);
      if (fiscal && expState === 'closing' && fund) found = { id: `exp.closing.${fund}` };
      if (found?.id === 'exp.closing') expState = 'closing';
      if (found?.id === 'exp.grandTotal') expState = 'normal';
      if (found) {
        const values: Line['values'] = {};
        for (const [cid, c] of Object.entries(expColumns)) {
          if (c === undefined) continue;
          values[cid] = readAmountCell(grid, r, c + shift, key, problems, tidyLabel(eText));
        }
        push({
          id: found.id,
          code: found.code,
          level: found.code ? 'class' : undefined,
          label: tidyLabel(eText),
          side: 'expense',
          row: r,
          values,
        });
        lastRow = r;
      } else if (Object.values(expColumns).some((c) => c !== undefined && !grid.isEmpty(r, c + shift))) {
        problems.add(key, `${grid.where(r, eCol)}：支出项目“${tidyLabel(eText)}”不是本表的标准项目，未读取。`, [grid.ref(r, eCol)]);
      }
    }
    if (incText || eText) lastRow = Math.max(lastRow, r);
  }
  void headerRow;
  if (shifted.length) {
    const rows = shifted.map((r) => r + 1);
    problems.add(
      key,
      `${tableLabelOf(meta.number?.value, block.title)}：“${grid.name}”表第 ${rows.join('、')} 行的支出栏整体向左错位了一列（支出项目写在了收入栏的金额列，或该行缺了一格），已按错位后的位置读取，请核对这些行。`,
      shifted.map((r) => grid.ref(r, expCol - 1)),
    );
  }
  return tableModelOf(block, meta, { columns, lines, notes, lastRow });
}

function tableLabelOf(number: string | undefined, title: string): string {
  return number ? `公开${number}表（${tidyLabel(title)}）` : tidyLabel(title);
}

export function emptyModel(block: Block): TableModel {
  const meta = scanMeta(block.grid, block.top, block.bottom);
  return tableModelOf(block, meta, { columns: {}, lines: [], notes: [], lastRow: block.bottom });
}
