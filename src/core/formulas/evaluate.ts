import { a1, columnIndex, type CellValue, type CellError } from '../cells';

/**
 * A small formula evaluator, host-free: it computes the formulas this product writes
 * (SUM over ranges and cells, + and -, cross-sheet references with quoted Chinese sheet
 * names, $ absolute references) and what accountants commonly type in these tables
 * (+ - * / ^ %, parentheses, unary minus, numbers, SUM, ROUND, ABS, IF with comparisons).
 *
 * Semantics follow Excel: a blank cell is 0, SUM skips text, booleans and blanks in
 * references, + - * / coerce numeric text ("201", "1,000.00") and give #VALUE! on other
 * text, errors propagate, division by zero is #DIV/0!, a circular reference gives #CYCLE!.
 * Anything else (an unknown function, names, structured or whole-column references,
 * string concatenation, array constants …) is NOT guessed: the cell is reported as
 * unsupported, as is every cell that needs its value — never a wrong number.
 *
 * Evaluation is memoised per cell and dependency-first with an explicit stack (no
 * recursion between cells, so a long chain of running totals cannot overflow), linear
 * in the cells and range areas the formulas touch.
 */

/** What the evaluator sees of a cell: a formula (with or without "="), else a value. */
export interface SourceCell {
  formula?: string;
  value?: CellValue;
}

/** The workbook the formulas read, by lookup. */
export interface FormulaSource {
  /** The sheet a name written in a formula means (case-insensitive), or undefined. */
  sheet(name: string): string | undefined;
  /** A cell's content (0-based row and column); undefined or {value: null} when blank. */
  cell(sheet: string, row: number, col: number): SourceCell | undefined;
  /** Optional: rows and columns in use, to clip large ranges. */
  size?(sheet: string): { rows: number; cols: number };
}

/** A computed value, or why the cell is not computed. */
export type Outcome = { value: CellValue } | { unsupported: string };

export const CYCLE = '#CYCLE!';

// ---------- parsing ----------

interface Ref {
  sheet?: string; // as written; undefined = the formula's own sheet
  row: number;
  col: number;
}

type Node =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; ref: Ref }
  | { k: 'range'; from: Ref; to: Ref }
  | { k: 'neg'; a: Node }
  | { k: 'pct'; a: Node }
  | { k: 'bin'; op: string; a: Node; b: Node }
  /** a op1 b op2 c …, folded from the left in a loop (a long A1+A2+…+A5000 is one node, not 5000 levels). */
  | { k: 'chain'; first: Node; rest: Array<{ op: string; b: Node }> }
  | { k: 'fn'; name: string; args: Node[] };

class Unsupported extends Error {}

const FUNCTIONS: Record<string, [number, number]> = { SUM: [1, 255], ROUND: [2, 2], ABS: [1, 1], IF: [2, 3] };
const MAX_ROW = 1048576;
/**
 * Deepest nesting of parentheses, function calls and % computed. Excel allows 64 levels
 * of nested functions; deeper formulas are reported as not computed, so no input can
 * make the (recursive) parser or evaluator exhaust the stack.
 */
export const MAX_NESTING = 100;
/**
 * Excel's limit on a formula's length (8,192 characters, "Excel specifications and
 * limits", https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3):
 * a longer one was not written by Excel or WPS, and is not computed.
 */
export const MAX_FORMULA_LENGTH = 8192;
const MAX_COL = 16384;

type Tok =
  { t: 'num'; v: number } | { t: 'str'; v: string } | { t: 'ref'; ref: Ref; to?: Ref } | { t: 'fn'; v: string } | { t: 'bool'; v: boolean } | { t: 'op'; v: string };

const CELL = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})/;

function cellOf(s: string, sheet: string | undefined): Ref | undefined {
  const m = CELL.exec(s);
  if (!m) return undefined;
  const col = columnIndex(m[1].toUpperCase());
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROW || col >= MAX_COL) throw new Unsupported(`引用超出范围：${m[0]}`);
  return { sheet, row, col };
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const rest = () => src.slice(i);
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    // Numbers.
    let m = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest());
    if (m && !/^[A-Za-z_]/.test(src.slice(i + m[0].length))) {
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      m = /^"((?:[^"]|"")*)"/.exec(rest());
      if (!m) throw new Unsupported('字符串未结束');
      out.push({ t: 'str', v: m[1].replace(/""/g, '"') });
      i += m[0].length;
      continue;
    }
    // Sheet prefix: 'quoted name'! or bare name!
    let sheet: string | undefined;
    m = /^'((?:[^']|'')+)'!/.exec(rest()) ?? /^([A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!/.exec(rest());
    if (m) {
      sheet = m[1].replace(/''/g, "'");
      i += m[0].length;
    }
    const from = cellOf(rest(), sheet);
    if (from) {
      const len = CELL.exec(rest())![0].length;
      const after = src.slice(i + len);
      if (/^[A-Za-z0-9_(!.[]/.test(after)) throw new Unsupported(`不支持的名称：${src.slice(i, i + len + 1)}…`);
      i += len;
      if (src[i] === ':') {
        const to = cellOf(src.slice(i + 1), sheet);
        if (!to) throw new Unsupported('不支持的区域引用');
        const l2 = CELL.exec(src.slice(i + 1))![0].length;
        if (/^[A-Za-z0-9_(!.[:]/.test(src.slice(i + 1 + l2))) throw new Unsupported('不支持的区域引用');
        i += 1 + l2;
        out.push({ t: 'ref', ref: from, to });
      } else out.push({ t: 'ref', ref: from });
      continue;
    }
    if (sheet !== undefined) throw new Unsupported(`不支持的引用：${src.slice(i - (m?.[0].length ?? 0), i + 8)}`);
    m = /^(?:_xlfn\.)?([A-Za-z][A-Za-z0-9.]*)\s*\(/.exec(rest());
    if (m) {
      out.push({ t: 'fn', v: m[1].toUpperCase() });
      i += m[0].length;
      continue;
    }
    m = /^(TRUE|FALSE)(?![A-Za-z0-9_.(!])/i.exec(rest());
    if (m) {
      out.push({ t: 'bool', v: m[1].toUpperCase() === 'TRUE' });
      i += m[0].length;
      continue;
    }
    m = /^(<>|<=|>=|[-+*/^%(),=<>])/.exec(rest());
    if (m) {
      out.push({ t: 'op', v: m[1] });
      i += m[0].length;
      continue;
    }
    throw new Unsupported(`不支持的内容：${src.slice(i, i + 12)}`);
  }
  return out;
}

/** Parse a formula ("=…" or without "="); throws Unsupported on anything outside the subset. */
function parse(formula: string): Node {
  const body = formula.replace(/^\s*=/, '');
  if (body.length > MAX_FORMULA_LENGTH) throw new Unsupported(`公式长度 ${body.length} 个字符，超过 Excel 的上限 ${MAX_FORMULA_LENGTH}，本工具不计算`);
  const toks = tokenize(body);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === 'op' && (peek() as { v: string }).v === v;
  const expect = (v: string) => {
    if (!isOp(v)) throw new Unsupported(`公式无法解析（缺少“${v}”）`);
    p++;
  };
  let depth = 0;
  const nest = () => {
    if (++depth > MAX_NESTING) throw new Unsupported(`公式嵌套超过 ${MAX_NESTING} 层，本工具不计算`);
  };
  const binary = (ops: string[], next: () => Node) => (): Node => {
    const first = next();
    const rest: Array<{ op: string; b: Node }> = [];
    while (peek()?.t === 'op' && ops.includes((peek() as { v: string }).v)) {
      const op = (toks[p++] as { v: string }).v;
      rest.push({ op, b: next() });
    }
    if (!rest.length) return first;
    if (rest.length === 1) return { k: 'bin', op: rest[0].op, a: first, b: rest[0].b };
    return { k: 'chain', first, rest };
  };
  const primary = (): Node => {
    const t = toks[p++];
    if (!t) throw new Unsupported('公式不完整');
    switch (t.t) {
      case 'num':
        return { k: 'num', v: t.v };
      case 'str':
        return { k: 'str', v: t.v };
      case 'bool':
        return { k: 'bool', v: t.v };
      case 'ref':
        return t.to ? { k: 'range', from: t.ref, to: t.to } : { k: 'ref', ref: t.ref };
      case 'fn': {
        const arity = FUNCTIONS[t.v];
        if (!arity) throw new Unsupported(`不支持的函数 ${t.v}`);
        nest();
        const args: Node[] = [];
        if (!isOp(')')) {
          for (;;) {
            if (isOp(',') || isOp(')')) throw new Unsupported(`函数 ${t.v} 的参数为空`);
            args.push(comparison());
            if (isOp(',')) p++;
            else break;
          }
        }
        expect(')');
        depth--;
        if (args.length < arity[0] || args.length > arity[1]) throw new Unsupported(`函数 ${t.v} 的参数个数不支持`);
        return { k: 'fn', name: t.v, args };
      }
      case 'op':
        if (t.v === '(') {
          nest();
          const e = comparison();
          expect(')');
          depth--;
          return e;
        }
        throw new Unsupported(`公式无法解析（“${t.v}”）`);
    }
  };
  /** Signs before an operand, counted in a loop: ----A1 is one or two negations, never 50,000 levels. */
  const unary = (): Node => {
    let minus = 0;
    let signs = 0;
    while (isOp('-') || isOp('+')) {
      if ((toks[p++] as { v: string }).v === '-') minus++;
      signs++;
    }
    const a = primary();
    if (!signs || !minus) return a;
    // Each minus coerces to a number: an even count is the number itself (still coerced).
    return minus % 2 === 1 ? { k: 'neg', a } : { k: 'neg', a: { k: 'neg', a } };
  };
  const percent = (): Node => {
    let a = unary();
    let marks = 0;
    while (isOp('%')) {
      p++;
      if (++marks > MAX_NESTING) throw new Unsupported(`公式嵌套超过 ${MAX_NESTING} 层，本工具不计算`);
      a = { k: 'pct', a };
    }
    return a;
  };
  const power = binary(['^'], percent);
  const term = binary(['*', '/'], power);
  const sum = binary(['+', '-'], term);
  const comparison: () => Node = binary(['=', '<>', '<', '>', '<=', '>='], sum);
  const node = comparison();
  if (p !== toks.length) throw new Unsupported('公式无法解析');
  return node;
}

// ---------- values ----------

type Val = CellValue; // null = blank
interface RangeVal {
  range: true;
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const err = (e: string): CellError => ({ error: e });
const isErr = (v: unknown): v is CellError => typeof v === 'object' && v !== null && 'error' in v;

const NUMERIC_TEXT = /^\s*[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?(?:[eE][+-]?\d+)?\s*%?\s*$/;
const DATE_LIKE = /\d\s*[-/:年月日]|[-/:年月]\s*\d/;

/** Text as a number the way + coerces it, or #VALUE!; dates and times are not guessed. */
function textToNumber(s: string): number | CellError {
  if (NUMERIC_TEXT.test(s) && /\d/.test(s)) {
    const t = s.trim();
    const pct = t.endsWith('%');
    const n = Number(t.replace(/[,%\s]/g, ''));
    if (Number.isFinite(n)) return pct ? n / 100 : n;
  }
  if (DATE_LIKE.test(s)) throw new Unsupported(`文本“${s}”可能是日期或时间，不作换算`);
  return err('#VALUE!');
}

function toNumber(v: Val): number | CellError {
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') return textToNumber(v);
  return v;
}

function finite(n: number): Val {
  if (!Number.isFinite(n)) return err('#NUM!');
  return n === 0 ? 0 : n;
}

/** ROUND as Excel: half away from zero on the decimal value shown (1.005 → 1.01). */
function round(x: number, digits: number): number {
  const d = Math.trunc(digits);
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (d >= 0) {
    const f = 10 ** d;
    return (sign * Math.round(Number((a * f).toPrecision(15)))) / f;
  }
  const f = 10 ** -d;
  return sign * Math.round(Number((a / f).toPrecision(15))) * f;
}

function compare(op: string, a: Val, b: Val): boolean {
  // Excel: blank is 0 against a number, "" against text, FALSE against a boolean;
  // numbers < text < booleans; text compares case-insensitively.
  const rank = (v: Val) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  let c: number;
  if (rank(a) !== rank(b)) c = rank(a) - rank(b);
  else if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    c = x < y ? -1 : x > y ? 1 : 0;
  } else c = Number(a) - Number(b);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}

// ---------- evaluation ----------

type CellKey = string;
const keyOf = (sheet: string, row: number, col: number): CellKey => `${sheet}\u0000${row},${col}`;

interface Slot {
  sheet: string;
  row: number;
  col: number;
  state: 'pending' | 'done';
  node?: Node;
  out?: Outcome;
}

export interface FormulaEvaluator {
  /** The value of any cell: a formula's computed value (or why not), a constant as it is. */
  evaluate(sheet: string, row: number, col: number): Outcome;
}

/** An evaluator over a workbook; results are memoised, so ask it for every formula cell. */
export function formulaEvaluator(source: FormulaSource): FormulaEvaluator {
  const slots = new Map<CellKey, Slot>();

  const resolveSheet = (written: string | undefined, own: string): string | undefined => (written === undefined ? own : source.sheet(written));

  const rangeOf = (from: Ref, to: Ref, own: string): RangeVal | CellError => {
    const sheet = resolveSheet(from.sheet, own);
    if (sheet === undefined) return err('#REF!');
    let bottom = Math.max(from.row, to.row);
    let right = Math.max(from.col, to.col);
    const size = source.size?.(sheet);
    if (size) {
      bottom = Math.min(bottom, size.rows - 1);
      right = Math.min(right, size.cols - 1);
    }
    return { range: true, sheet, top: Math.min(from.row, to.row), left: Math.min(from.col, to.col), bottom, right };
  };

  /** The cells a formula may read (both IF branches): for dependency-first order. */
  const precedents = (node: Node, own: string, out: Array<[string, number, number]>): void => {
    switch (node.k) {
      case 'ref': {
        const s = resolveSheet(node.ref.sheet, own);
        if (s !== undefined) out.push([s, node.ref.row, node.ref.col]);
        return;
      }
      case 'range': {
        const r = rangeOf(node.from, node.to, own);
        if (isErr(r)) return;
        for (let row = r.top; row <= r.bottom; row++) {
          for (let col = r.left; col <= r.right; col++) if (source.cell(r.sheet, row, col)?.formula) out.push([r.sheet, row, col]);
        }
        return;
      }
      case 'neg':
      case 'pct':
        return precedents(node.a, own, out);
      case 'bin':
        precedents(node.a, own, out);
        return precedents(node.b, own, out);
      case 'chain':
        precedents(node.first, own, out);
        for (const r of node.rest) precedents(r.b, own, out);
        return;
      case 'fn':
        for (const a of node.args) precedents(a, own, out);
        return;
      default:
        return;
    }
  };

  /** A cell's value once its precedents are done (a pending one is a cycle). */
  const valueAt = (sheet: string, row: number, col: number): Val => {
    const c = source.cell(sheet, row, col);
    if (!c?.formula) return c?.value ?? null;
    const s = slots.get(keyOf(sheet, row, col));
    if (!s || s.state !== 'done') return err(CYCLE);
    if ('unsupported' in s.out!) {
      // Name the formula that could not be computed, not the chain of cells reading it.
      const inner = s.out.unsupported;
      throw new Unsupported(inner.startsWith('引用的单元格') ? inner : `引用的单元格 ${sheet}!${a1(row, col)} 未能计算（${inner}）`);
    }
    return s.out!.value;
  };

  const scalar = (node: Node, own: string): Val => {
    switch (node.k) {
      case 'num':
        return node.v;
      case 'str':
        return node.v;
      case 'bool':
        return node.v;
      case 'ref': {
        const s = resolveSheet(node.ref.sheet, own);
        return s === undefined ? err('#REF!') : valueAt(s, node.ref.row, node.ref.col);
      }
      case 'range':
        throw new Unsupported('区域不能用作单个值');
      case 'neg': {
        const n = toNumber(scalar(node.a, own));
        return isErr(n) ? n : finite(-n);
      }
      case 'pct': {
        const n = toNumber(scalar(node.a, own));
        return isErr(n) ? n : finite(n / 100);
      }
      case 'bin':
        return binaryOp(node.op, scalar(node.a, own), scalar(node.b, own));
      case 'chain': {
        let acc = scalar(node.first, own);
        for (const r of node.rest) acc = binaryOp(r.op, acc, scalar(r.b, own));
        return acc;
      }
      case 'fn':
        return call(node.name, node.args, own);
    }
  };

  const binaryOp = (op: string, a: Val, b: Val): Val => {
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    if (['=', '<>', '<', '>', '<=', '>='].includes(op)) return compare(op, a, b);
    const x = toNumber(a);
    if (isErr(x)) return x;
    const y = toNumber(b);
    if (isErr(y)) return y;
    switch (op) {
      case '+':
        return finite(x + y);
      case '-':
        return finite(x - y);
      case '*':
        return finite(x * y);
      case '/':
        return y === 0 ? err('#DIV/0!') : finite(x / y);
      default:
        if (x === 0 && y <= 0) return err(y === 0 ? '#NUM!' : '#DIV/0!');
        return finite(x ** y);
    }
  };

  const num = (node: Node, own: string): number | CellError => toNumber(scalar(node, own));

  const call = (name: string, args: Node[], own: string): Val => {
    switch (name) {
      case 'SUM': {
        let total = 0;
        for (const a of args) {
          if (a.k === 'range' || a.k === 'ref') {
            const r = a.k === 'range' ? rangeOf(a.from, a.to, own) : rangeOf(a.ref, a.ref, own);
            if (isErr(r)) return r;
            for (let row = r.top; row <= r.bottom; row++) {
              for (let col = r.left; col <= r.right; col++) {
                const v = valueAt(r.sheet, row, col);
                if (isErr(v)) return v;
                if (typeof v === 'number') total += v;
              }
            }
          } else {
            const n = num(a, own);
            if (isErr(n)) return n;
            total += n;
          }
        }
        return finite(total);
      }
      case 'ROUND': {
        const x = num(args[0], own);
        if (isErr(x)) return x;
        const d = num(args[1], own);
        if (isErr(d)) return d;
        return finite(round(x, d));
      }
      case 'ABS': {
        const x = num(args[0], own);
        return isErr(x) ? x : Math.abs(x);
      }
      case 'IF': {
        let c = scalar(args[0], own);
        if (isErr(c)) return c;
        if (typeof c === 'string') {
          if (/^(true|false)$/i.test(c)) c = c.toLowerCase() === 'true';
          else return err('#VALUE!');
        }
        const yes = c === null ? false : typeof c === 'boolean' ? c : c !== 0;
        if (!yes && args.length < 3) return false;
        const v = scalar(args[yes ? 1 : 2], own);
        return v === null ? 0 : v;
      }
      default:
        throw new Unsupported(`不支持的函数 ${name}`);
    }
  };

  const compute = (s: Slot): Outcome => {
    try {
      const v = scalar(s.node!, s.sheet);
      // A formula showing a blank cell shows 0, as in Excel.
      return { value: v === null ? 0 : v };
    } catch (e) {
      if (e instanceof Unsupported) return { unsupported: e.message };
      throw e;
    }
  };

  const run = (sheet: string, row: number, col: number): Outcome => {
    const start = slots.get(keyOf(sheet, row, col));
    if (start?.state === 'done') return start.out!;
    const stack: Array<[string, number, number]> = [[sheet, row, col]];
    while (stack.length) {
      const [sh, r, c] = stack[stack.length - 1];
      const k = keyOf(sh, r, c);
      let s = slots.get(k);
      if (s?.state === 'done') {
        stack.pop();
        continue;
      }
      if (s?.state === 'pending') {
        s.out = compute(s);
        s.state = 'done';
        stack.pop();
        continue;
      }
      s = { sheet: sh, row: r, col: c, state: 'pending' };
      slots.set(k, s);
      const formula = source.cell(sh, r, c)?.formula;
      try {
        s.node = parse(formula ?? '');
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        s.out = { unsupported: e.message };
        s.state = 'done';
        stack.pop();
        continue;
      }
      const deps: Array<[string, number, number]> = [];
      precedents(s.node, sh, deps);
      for (const d of deps) {
        if (!source.cell(d[0], d[1], d[2])?.formula) continue;
        if (!slots.has(keyOf(d[0], d[1], d[2]))) stack.push(d);
      }
    }
    return slots.get(keyOf(sheet, row, col))!.out!;
  };

  return {
    evaluate(sheet, row, col) {
      const own = source.sheet(sheet) ?? sheet;
      const c = source.cell(own, row, col);
      if (!c?.formula) return { value: c?.value ?? null };
      return run(own, row, col);
    },
  };
}

/** Whether a formula is within the supported subset (syntax only; its inputs may still fail). */
export function isSupportedFormula(formula: string): boolean {
  try {
    parse(formula);
    return true;
  } catch (e) {
    if (e instanceof Unsupported) return false;
    throw e;
  }
}

/** Sheets as plain maps ("row,col" → cell), the shape the memory host keeps. */
export interface GridSheet {
  name: string;
  cells: Map<string, SourceCell>;
}

/** A FormulaSource over GridSheets (sheet names case-insensitive, as in Excel). */
export function gridSource(sheets: GridSheet[]): FormulaSource {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const sizes = new Map<string, { rows: number; cols: number }>();
  return {
    sheet: (name) => byName.get(name.toLowerCase())?.name,
    cell: (sheet, row, col) => byName.get(sheet.toLowerCase())?.cells.get(`${row},${col}`),
    size(sheet) {
      let s = sizes.get(sheet);
      if (!s) {
        s = { rows: 0, cols: 0 };
        for (const k of byName.get(sheet.toLowerCase())?.cells.keys() ?? []) {
          const [r, c] = k.split(',').map(Number);
          s.rows = Math.max(s.rows, r + 1);
          s.cols = Math.max(s.cols, c + 1);
        }
        sizes.set(sheet, s);
      }
      return s;
    },
  };
}

/** Every formula cell of the sheets computed: values by sheet then "row,col", and the cells not computed. */
export function evaluateSheets(sheets: GridSheet[]): {
  values: Map<string, Map<string, CellValue>>;
  unsupported: Array<{ sheet: string; row: number; col: number; formula: string; reason: string }>;
} {
  const ev = formulaEvaluator(gridSource(sheets));
  const values = new Map<string, Map<string, CellValue>>();
  const unsupported: Array<{ sheet: string; row: number; col: number; formula: string; reason: string }> = [];
  for (const s of sheets) {
    const m = new Map<string, CellValue>();
    for (const [k, c] of s.cells) {
      if (!c.formula) continue;
      const [row, col] = k.split(',').map(Number);
      const o = ev.evaluate(s.name, row, col);
      if ('value' in o) m.set(k, o.value);
      else unsupported.push({ sheet: s.name, row, col, formula: c.formula, reason: o.unsupported });
    }
    values.set(s.name, m);
  }
  return { values, unsupported };
}
