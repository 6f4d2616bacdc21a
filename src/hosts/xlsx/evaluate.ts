import ExcelJS from 'exceljs';
import type { HyperFormula as HyperFormulaType } from 'hyperformula';
import type { XlsxHost } from './xlsx-host';
import { excelSerial } from './xlsx-host';

/**
 * Files written by programs (ExcelJS, this tool's own `init`/`demo`) hold formulas
 * without cached results. When the optional engine HyperFormula is installed (it is a
 * development dependency: present after `npm ci` in the repository, absent from a
 * production install), this computes every formula of the workbook in memory and
 * stores the results as the cells' cached values, so readSheets() sees numbers.
 * Nothing is written to disk.
 */
export interface EvaluateResult {
  /** Formula cells that got a computed result. */
  computed: number;
  engine: 'hyperformula';
}

type HF = typeof HyperFormulaType;

/** The engine, or null when it is not installed (or JUESUAN_NO_ENGINE=1, to try that case). */
export function loadHyperFormula(): HF | null {
  if (process.env.JUESUAN_NO_ENGINE === '1') return null;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('hyperformula') as { HyperFormula: HF }).HyperFormula;
  } catch {
    return null;
  }
}

type Raw = string | number | boolean | null;

function rawOf(cell: ExcelJS.Cell): Raw {
  if (cell.type === ExcelJS.ValueType.Formula) {
    const f = cell.formula;
    return f ? `=${f}` : null;
  }
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  // HyperFormula parses raw strings ("201" → 201, "=…" → formula); a leading
  // apostrophe keeps text as text, as in Excel.
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  if (v instanceof Date) return excelSerial(v);
  const o = v as { richText?: { text: string }[]; text?: string; error?: string };
  if (o.richText) return `'${o.richText.map((t) => t.text).join('')}`;
  if (typeof o.text === 'string') return `'${o.text}`;
  if (typeof o.error === 'string') return o.error;
  return String(v);
}

/** Compute the formulas that have no cached result; null when no engine is available. */
export function evaluateFormulas(host: XlsxHost, onlyUncomputed = true): EvaluateResult | null {
  const HyperFormula = loadHyperFormula();
  if (!HyperFormula) return null;
  const sheets: Record<string, Raw[][]> = {};
  const formulaCells: Array<{ sheet: string; cell: ExcelJS.Cell; row: number; col: number }> = [];
  host.workbook.eachSheet((ws) => {
    const grid: Raw[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const raw = rawOf(cell);
        if (raw === null) return;
        (grid[r - 1] ??= [])[c - 1] = raw;
        if (cell.type === ExcelJS.ValueType.Formula) {
          const cached = cell.result;
          if (!onlyUncomputed || cached === undefined || cached === null) {
            formulaCells.push({ sheet: ws.name, cell, row: r - 1, col: c - 1 });
          }
        }
      });
    });
    // HyperFormula wants dense, rectangular rows.
    const width = Math.max(0, ...Array.from(grid, (row) => row?.length ?? 0));
    sheets[ws.name] = Array.from(grid, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? null));
  });
  if (!formulaCells.length) return { computed: 0, engine: 'hyperformula' };
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  try {
    let computed = 0;
    for (const f of formulaCells) {
      const id = hf.getSheetId(f.sheet);
      if (id === undefined) continue;
      const v = hf.getCellValue({ sheet: id, row: f.row, col: f.col }) as unknown;
      let result: ExcelJS.CellFormulaValue['result'];
      if (v === null || v === undefined) result = 0 as never;
      else if (typeof v === 'object' && 'value' in (v as object) && 'type' in (v as object)) {
        result = { error: String((v as { value: string }).value) } as ExcelJS.CellErrorValue;
      } else result = v as number | string | boolean;
      const current = f.cell.value as ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue;
      f.cell.value = { ...current, result } as ExcelJS.CellFormulaValue;
      computed++;
    }
    return { computed, engine: 'hyperformula' };
  } finally {
    hf.destroy();
  }
}
