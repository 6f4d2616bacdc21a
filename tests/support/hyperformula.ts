import { HyperFormula } from 'hyperformula';
import { a1, parseA1, type CellValue } from '../../src/core/cells';
import { MemoryHost, type Calculator, type MemorySheet } from '../../src/hosts/memory/memory-host';

/**
 * Evaluate in-memory workbooks with HyperFormula (a real engine, Excel-compatible
 * function semantics, quoted Chinese sheet names), for tests.
 */

function cellContent(v: string | number | boolean | null, formula?: string): unknown {
  if (formula) return formula;
  // HyperFormula parses raw strings ("201" → 201, "=…" → formula); a leading
  // apostrophe keeps text as text, as in Excel.
  if (typeof v === 'string') return v === '' ? null : `'${v}`;
  return v;
}

function build(sheets: MemorySheet[]): HyperFormula {
  const data: Record<string, unknown[][]> = {};
  for (const s of sheets) {
    const rows: unknown[][] = [];
    for (const [k, c] of s.cells) {
      const [r, col] = k.split(',').map(Number);
      while (rows.length <= r) rows.push([]);
      const row = rows[r];
      while (row.length <= col) row.push(null);
      row[col] = cellContent(c.value, c.formula);
    }
    const width = Math.max(0, ...rows.map((r) => r.length));
    data[s.name] = rows.map((r) => [...r, ...new Array<null>(width - r.length).fill(null)]);
  }
  return HyperFormula.buildFromSheets(data as never, { licenseKey: 'gpl-v3' });
}

function toCellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  const e = v as { value?: string; type?: string };
  return { error: e.value ?? `#${e.type ?? 'ERROR'}!` };
}

/** Calculator for MemoryHost: HyperFormula over all sheets. */
export const hyperFormulaCalculator: Calculator = (sheets) => {
  const hf = build(sheets);
  const out = new Map<string, Map<string, CellValue>>();
  for (const s of sheets) {
    const id = hf.getSheetId(s.name)!;
    const m = new Map<string, CellValue>();
    for (const [k, c] of s.cells) {
      if (!c.formula) continue;
      const [row, col] = k.split(',').map(Number);
      m.set(k, toCellValue(hf.getCellValue({ sheet: id, row, col })));
    }
    out.set(s.name, m);
  }
  hf.destroy();
  return out;
};

/** A memory host whose readSheets returns values calculated by HyperFormula. */
export function calculatingHost(): MemoryHost {
  return new MemoryHost({ calculator: hyperFormulaCalculator });
}

export interface Evaluated {
  /** Calculated value of a cell ("C8") on a sheet. */
  value(sheet: string, address: string): CellValue;
  /** Calculated number (blank → 0); throws on text or errors. */
  num(sheet: string, address: string): number;
  /** Every formula cell whose result is an error, as "sheet!A1 #REF!". */
  errors(): string[];
}

/** Evaluate a memory workbook once and look values up by sheet and address. */
export function evaluate(host: MemoryHost): Evaluated {
  const hf = build(host.sheets);
  const get = (sheet: string, address: string): CellValue => {
    const id = hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    const { row, col } = parseA1(address);
    return toCellValue(hf.getCellValue({ sheet: id, row, col }));
  };
  const errors: string[] = [];
  for (const s of host.sheets) {
    for (const [k, c] of s.cells) {
      if (!c.formula) continue;
      const [row, col] = k.split(',').map(Number);
      const v = get(s.name, a1(row, col));
      if (v && typeof v === 'object') errors.push(`${s.name}!${a1(row, col)} ${v.error}`);
    }
  }
  return {
    value: get,
    num(sheet, address) {
      const v = get(sheet, address);
      if (v === null) return 0;
      if (typeof v !== 'number') throw new Error(`${sheet}!${address} is not a number: ${JSON.stringify(v)}`);
      return v;
    },
    errors: () => errors,
  };
}
