import { codeLevel, type Line, type TableModel } from '../model/tables';
import { tidyLabel } from '../text/normalize';
import { Problems, codeOf, codePartOf, isMetaKey, noteOfRow, readAmountCell, scanMeta, splitCodeLabel, type Block, tableModelOf } from './common';
import { type Grid } from './grid';
import { AMOUNT_HEADER_RE } from './vocabulary';

interface Group {
  code: number;
  name: number;
  amount: number;
  /** Code and name in one cell ("30101 基本工资"). */
  combined?: boolean;
  /** The 款 in its own column beside the 类 (`301 | 01 | 基本工资`): the code is 类 + 款. */
  section?: number;
}

/** A one- or two-digit 款 ("01", 1, "１"), as written in a split code column. */
const sectionDigits = codePartOf;

/**
 * Groups whose code is split into 类 | 款 columns: the column right of the code holds one-
 * or two-digit 款 beside three-digit 类 (in two rows or more). Name and amount move right.
 */
function withSections(grid: Grid, groups: Group[], from: number, to: number): Group[] {
  return groups.map((g) => {
    if (g.combined) return g;
    let votes = 0;
    let last: string | undefined;
    for (let r = from; r <= to && votes < 2; r++) {
      const cls = codeOf(grid, r, g.code);
      if (cls && /^3\d{2}$/.test(cls)) last = cls;
      else if (grid.str(r, g.code)) last = undefined;
      // 301 | 01, or (类 printed on its own row only) an empty 类 under 301 with 01 beside it.
      if (last && sectionDigits(grid, r, g.code + 1) && grid.isText(r, g.code + 2)) votes++;
    }
    if (votes < 2) return g;
    const name = g.name <= g.code + 1 ? g.code + 2 : g.name;
    const amount = g.amount <= name ? name + 1 : g.amount;
    return { ...g, section: g.code + 1, name, amount };
  });
}

const ECONOMIC = /^3\d{2}(\d{2})?$/;
const FOOTERS: Array<{ id: string; re: RegExp }> = [
  { id: 'personnelTotal', re: /^人员经费(合计|小计)?$/ },
  { id: 'publicTotal', re: /^公用经费(合计|小计)?$/ },
];

function findGroups(grid: Grid, from: number, to: number): { groups: Group[]; headerRow?: number } {
  for (let r = from; r <= to; r++) {
    const codeCells = grid.rowTexts(r).filter((t) => /^(经济分类)?(科目)?编码$|^科目代码$/.test(t.key));
    if (!codeCells.length) continue;
    const groups: Group[] = codeCells.map((cc, i) => {
      const limit = i + 1 < codeCells.length ? codeCells[i + 1].col - 1 : grid.right;
      let name = cc.col + 1;
      let amount = cc.col + 2;
      for (let c = cc.col + 1; c <= limit; c++) {
        const k = grid.key(r, c);
        if (/名称$/.test(k)) name = c;
        else if (AMOUNT_HEADER_RE.test(k) || /决算/.test(k)) {
          amount = c;
          break;
        }
      }
      return { code: cc.col, name, amount };
    });
    return { groups, headerRow: r };
  }
  // No headers: columns holding economic codes, each followed by a name and an amount.
  const cols = new Map<number, number>();
  for (let r = from; r <= to; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const code = codeOf(grid, r, c);
      const splitSection = code !== undefined && /^3\d{2}$/.test(code) && sectionDigits(grid, r, c + 1) !== undefined && grid.isText(r, c + 2);
      if (code && ECONOMIC.test(code) && (grid.isText(r, c + 1) || splitSection)) cols.set(c, (cols.get(c) ?? 0) + 1);
    }
  }
  const groups: Group[] = [...cols.entries()]
    .filter(([, n]) => n >= 2)
    .map(([c]) => c)
    .sort((a, b) => a - b)
    .map((c) => ({ code: c, name: c + 1, amount: c + 2 }));
  if (groups.length) return { groups };
  // Code and name in one cell, the amount in the next column.
  const combined = new Map<number, number>();
  let firstRow: number | undefined;
  for (let r = from; r <= to; r++) {
    for (const t of grid.rowTexts(r)) {
      const s = splitCodeLabel(t.text);
      if (s && ECONOMIC.test(s.code)) {
        combined.set(t.col, (combined.get(t.col) ?? 0) + 1);
        if (firstRow === undefined) firstRow = r;
      }
    }
  }
  const cg = [...combined.entries()]
    .filter(([, n]) => n >= 2)
    .map(([c]) => c)
    .sort((a, b) => a - b)
    .map((c) => ({ code: c, name: c, amount: c + 1, combined: true }));
  let headerRow: number | undefined;
  for (let r = from; firstRow !== undefined && r < firstRow; r++) {
    if (grid.rowTexts(r).some((t) => AMOUNT_HEADER_RE.test(t.key) || /^(项目|科目名称|科目)$/.test(t.key))) headerRow = r;
  }
  return { groups: cg, headerRow };
}

function hasNumberRight(grid: Grid, row: number, col: number): boolean {
  for (let c = col + 1; c <= grid.right; c++) {
    const v = grid.value(row, c);
    if (typeof v === 'number') return true;
    if (typeof v === 'string' && v.trim()) return /^[\s\d.,，-]+$/.test(v) && /\d/.test(v);
  }
  return false;
}

/** 06 一般公共预算财政拨款基本支出决算明细表: economic codes in one, two or three column groups. */
export function readBasic(block: Block, problems: Problems): TableModel {
  const { grid, key } = block;
  const from = block.titleRow + 1;
  const to = block.bottom;
  const found = findGroups(grid, from, to);
  const { headerRow } = found;
  const groups = withSections(grid, found.groups, headerRow !== undefined ? headerRow + 1 : from, to);
  /** The 类 carried down in each split group, for rows that leave it empty. */
  const carried = new Map<Group, string>();
  const meta = scanMeta(grid, block.top, block.bottom);
  const lines: Line[] = [];
  const notes: string[] = [];
  const seen = new Map<string, number>();
  let lastRow = headerRow ?? block.titleRow;
  const start = headerRow !== undefined ? headerRow + 1 : from;
  const footerCells: Array<{ id: string; row: number; col: number; label: string }> = [];
  for (let r = start; r <= to; r++) {
    if (grid.rowEmpty(r)) continue;
    const note = noteOfRow(grid, r);
    if (note) {
      notes.push(note);
      lastRow = r;
      continue;
    }
    const texts = grid.rowTexts(r);
    if (texts.length && texts.every((t) => isMetaKey(t.key))) continue;
    for (const t of texts) {
      const f = FOOTERS.find((x) => x.re.test(t.key));
      // A bare 人员经费 / 公用经费 counts only with its amount beside it (else it is a group header).
      const bare = f && !/(合计|小计)$/.test(t.key);
      if (f && (!bare || hasNumberRight(grid, r, t.col))) footerCells.push({ id: f.id, row: r, col: t.col, label: tidyLabel(t.text) });
    }
    for (const g of groups) {
      let raw = grid.str(r, g.code);
      let sectionCode: string | undefined;
      if (g.section !== undefined) {
        // 类 | 款 columns: 301 | 01 -> 30101; an empty 类 is carried down from the row above.
        const cls = codeOf(grid, r, g.code);
        const sec = sectionDigits(grid, r, g.section);
        if (cls && /^3\d{2}$/.test(cls)) carried.set(g, cls);
        const base = cls && /^3\d{2}$/.test(cls) ? cls : !raw && sec ? carried.get(g) : undefined;
        if (base) sectionCode = sec ? base + sec : base;
        if (!raw && sec) raw = grid.str(r, g.section);
      }
      if (!raw) continue;
      const split = g.combined ? splitCodeLabel(raw) : undefined;
      const code = sectionCode ?? (g.combined ? split?.code : codeOf(grid, r, g.code));
      if (!code || !ECONOMIC.test(code)) {
        if (FOOTERS.some((x) => x.re.test(grid.key(r, g.code)))) continue;
        if (!grid.isEmpty(r, g.amount)) {
          problems.add(key, `${grid.where(r, g.code)}：无法识别经济分类科目编码“${raw}”，该项未读取。`, [grid.ref(r, g.code)]);
        }
        continue;
      }
      if (seen.has(code)) {
        problems.add(key, `${grid.where(r, g.code)}：科目“${code}”重复出现，已按第一次出现读取。`, [grid.ref(r, g.code)]);
        continue;
      }
      seen.set(code, r);
      lines.push({
        id: code,
        code,
        level: codeLevel(code),
        label: tidyLabel(split ? split.label : grid.str(r, g.name)),
        row: r,
        values: { amount: readAmountCell(grid, r, g.amount, key, problems, tidyLabel(split ? split.label : grid.str(r, g.name))) },
      });
      lastRow = r;
    }
  }
  // Footers: the value right of the label in its row (before the next label), else in the
  // row below within the label's span (merged footers print the value there).
  footerCells.forEach((f, i) => {
    const next = footerCells.find((o, j) => j > i && o.row === f.row);
    const end = next ? next.col - 1 : grid.right;
    const groupOf = [...groups].reverse().find((g) => g.code <= f.col) ?? groups[0];
    let cell: { row: number; col: number } | undefined;
    let below = f.row + 1;
    while (below <= to && grid.rowEmpty(below)) below++;
    for (const row of [f.row, below]) {
      if (row > to) break;
      if (row !== f.row && grid.rowTexts(row).some((t) => !/^[\d.,\s-]+$/.test(t.text))) break;
      for (let c = row === f.row ? f.col + 1 : f.col; c <= end; c++) {
        if (!grid.isEmpty(row, c)) {
          cell = { row, col: c };
          break;
        }
      }
      if (cell) break;
    }
    if (!cell) cell = { row: f.row, col: groupOf ? groupOf.amount : f.col + 1 };
    if (seen.has(f.id)) return;
    seen.set(f.id, f.row);
    lines.push({ id: f.id, label: f.label, row: f.row, values: { amount: readAmountCell(grid, cell.row, cell.col, key, problems, f.label) } });
    lastRow = Math.max(lastRow, cell.row);
  });
  if (!groups.length) {
    problems.add(key, `${grid.where(block.titleRow, block.titleCol)}：找到了${tidyLabel(block.title)}的标题，但认不出科目编码列，未能读取。`, [
      grid.ref(block.titleRow, block.titleCol),
    ]);
  }
  const columns: TableModel['columns'] = {};
  if (groups.length) columns.amount = groups[0].amount;
  return tableModelOf(block, meta, { columns, lines, notes, lastRow });
}
