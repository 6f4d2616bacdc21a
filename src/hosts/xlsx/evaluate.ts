import ExcelJS from 'exceljs';
import { a1, displayText, type CellRef, type CellValue } from '../../core/cells';
import type { Finding } from '../../core/findings/finding';
import { evaluateSheets, type GridSheet, type SourceCell } from '../../core/formulas/evaluate';
import type { XlsxHost } from './xlsx-host';
import { excelSerial } from './xlsx-host';

/**
 * Files written by programs (ExcelJS, this tool's own `init`/`demo`) hold formulas
 * without cached results. This computes them in memory with the built-in evaluator
 * (src/core/formulas/evaluate.ts: the formulas the product writes and the arithmetic
 * accountants type — SUM, + - * /, ROUND, ABS, IF …) and stores the results as the
 * cells' cached values, so readSheets() sees numbers. Nothing is written to disk.
 * A formula outside that subset (or one reading such a cell) is left without a value
 * and listed in `uncomputed`: never a guessed number.
 */
export interface EvaluateResult {
  /** Formula cells that got a computed result. */
  computed: number;
  engine: 'built-in';
  /** Formula cells left without a result, and why (in Chinese). */
  uncomputed: Array<CellRef & { formula: string; reason: string }>;
}

/** In-process evaluation is on unless JUESUAN_NO_ENGINE=1 (to try the "nothing computed" path). */
export function formulaEvaluationEnabled(): boolean {
  return process.env.JUESUAN_NO_ENGINE !== '1';
}

function valueOf(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v === '' ? null : v;
  if (v instanceof Date) return excelSerial(v);
  const o = v as { richText?: { text: string }[]; text?: string; error?: string };
  if (o.richText) return o.richText.map((t) => t.text).join('');
  if (typeof o.text === 'string') return o.text;
  if (typeof o.error === 'string') return { error: o.error };
  return displayText(v);
}

/**
 * Compute the formulas that have no cached result (all formulas when onlyUncomputed is
 * false); null when evaluation is switched off (JUESUAN_NO_ENGINE=1).
 */
export function evaluateFormulas(host: XlsxHost, onlyUncomputed = true): EvaluateResult | null {
  if (!formulaEvaluationEnabled()) return null;
  const sheets: GridSheet[] = [];
  const targets = new Map<string, ExcelJS.Cell>();
  host.workbook.eachSheet((ws) => {
    const cells = new Map<string, SourceCell>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return; // blank, as in Excel
        const k = `${r - 1},${c - 1}`;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const cached = cell.result;
          if (!onlyUncomputed || cached === undefined || cached === null) {
            cells.set(k, { formula: cell.formula || '' });
            targets.set(`${ws.name}\u0000${k}`, cell);
          } else cells.set(k, { value: valueOf(cached) });
          return;
        }
        const v = valueOf(cell.value);
        if (v !== null) cells.set(k, { value: v });
      });
    });
    sheets.push({ name: ws.name, cells });
  });
  const uncomputed: EvaluateResult['uncomputed'] = [];
  if (!targets.size) return { computed: 0, engine: 'built-in', uncomputed };
  const { values, unsupported } = evaluateSheets(sheets);
  let computed = 0;
  for (const [sheet, m] of values) {
    for (const [k, v] of m) {
      const cell = targets.get(`${sheet}\u0000${k}`);
      if (!cell) continue;
      const result = (v !== null && typeof v === 'object' ? { error: v.error } : v) as ExcelJS.CellFormulaValue['result'];
      const current = cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      cell.value = { ...current, result };
      computed++;
    }
  }
  for (const u of unsupported) {
    uncomputed.push({ sheet: u.sheet, address: a1(u.row, u.col), formula: u.formula.startsWith('=') ? u.formula : `=${u.formula}`, reason: u.reason });
  }
  return { computed, engine: 'built-in', uncomputed };
}

export const FORMULAS_NOT_COMPUTED = 'formulas-not-computed';

/**
 * Before reading a file: compute its formulas without cached values. Returns how many
 * were computed and a `formulas-not-computed` warning for those that could not be
 * (formulas outside the built-in subset, or evaluation switched off).
 */
export function computeForReading(host: XlsxHost): { computed: number; notes: Finding[] } {
  const missing = host.uncomputedFormulaCount();
  if (missing === 0) return { computed: 0, notes: [] };
  const result = evaluateFormulas(host);
  if (!result) {
    return {
      computed: 0,
      notes: [
        {
          rule: FORMULAS_NOT_COMPUTED,
          severity: 'warning',
          message: `该文件有 ${missing} 个公式单元格没有计算结果（文件可能由程序生成，尚未在 Excel/WPS 中打开保存），这些单元格按空值校验。请用 Excel 或 WPS 打开并保存后再校验。`,
          cells: [],
        },
      ],
    };
  }
  const notes: Finding[] = [];
  const left = result.uncomputed;
  if (left.length) {
    const first = left[0];
    notes.push({
      rule: FORMULAS_NOT_COMPUTED,
      severity: 'warning',
      message: `该文件有 ${left.length} 个公式单元格没有计算结果（文件可能由程序生成，尚未在 Excel/WPS 中打开保存），本工具也无法计算这些公式（如 ${first.sheet}!${first.address} ${first.formula}：${first.reason}），这些单元格按空值校验。请用 Excel 或 WPS 打开并保存后再校验。`,
      cells: left.map((u) => ({ sheet: u.sheet, address: u.address })),
    });
  }
  return { computed: result.computed, notes };
}
