import type { ColumnId, LineId, TableKey } from '../model/tables';

/**
 * A profile: one year's (or region's) layout of the 公开 tables, held as data
 * (src/core/editions/<folder>/profile.json). Adding a profile is a data change: the
 * template, the formula builders and the workflows read everything from here.
 *
 * Columns are 0-based sheet columns; header rows are an explicit grid of texts
 * with merges in A1 notation relative to the header's first row ("A1" = first
 * header row, first column).
 */
export interface Profile {
  id: string;
  /** What the profile is, in Chinese, for the user. */
  name: string;
  /** 万元 in every known profile. */
  moneyUnit: string;
  /** Number format of amount cells. */
  amountFormat: string;
  /** Rows above the header, each one text merged across the table's width. */
  preamble: PreambleRow[];
  /** Tables in sheet order; a profile may add or drop tables. */
  tables: TableSpec[];
}

/**
 * Placeholders in texts: {title}, {number} (01…09), {unit} (部门 name),
 * {moneyUnit}, {year}.
 */
export interface PreambleRow {
  text: string;
  style: 'title' | 'label' | 'unit';
  align: 'left' | 'center' | 'right';
}

export interface HeaderSpec {
  /** Header rows as texts, one string per column ('' = empty or covered by a merge). */
  rows: string[][];
  /** Merged areas relative to the header (A1 = first header row, column A). */
  merges: string[];
}

interface TableSpecBase {
  key: TableKey;
  /** 公开NN表 number: '01'…'09' (or more). */
  number: string;
  title: string;
  /** Sheet name; default 公开{number}表. */
  sheet?: string;
  /** Width of each column in characters; its length is the table's width. */
  columnWidths: number[];
  header: HeaderSpec;
  /** Note rows under the table (注：…). */
  notes: string[];
  /** Note written when the table is declared empty (本表无数据), with placeholders. */
  emptyNote?: string;
}

/** 02, 03, 05, 08, 09: code and name columns, a 合计 row, then 类/款/项 rows. */
export interface ClassifiedSpec extends TableSpecBase {
  layout: 'classified';
  /** One column holding the whole code, or three holding 类 · 款 · 项 (201 · 03 · 01). */
  codeColumns: number[];
  nameColumn: number;
  /** The 合计 row's label and the columns it is merged across. */
  totalRow: { label: string; labelColumns: [number, number] };
  /** Amount column ids → sheet column. */
  columns: Record<ColumnId, number>;
}

export interface SideLine {
  /** Line id (shared vocabulary); absent on blank numbered rows. */
  id?: LineId;
  label?: string;
  /** 行次, when the profile numbers its rows. */
  no?: number;
}

export interface SideSpec {
  labelColumn: number;
  lineNoColumn?: number;
  /** Value column ids (as in Line.values) → sheet column. */
  columns: Record<ColumnId, number>;
}

/** 01 and 04: income on the left, expense on the right, row by row. */
export interface TwoSidedSpec extends TableSpecBase {
  layout: 'twoSided';
  income: SideSpec;
  expense: SideSpec;
  rows: Array<{ income?: SideLine; expense?: SideLine }>;
}

export interface EconomicItem {
  code: string;
  name: string;
}

export interface EconomicGroup {
  codeColumn: number;
  nameColumn: number;
  amountColumn: number;
  items: EconomicItem[];
}

export interface FooterCell {
  label: string;
  /** Columns the label is merged across (first, last). */
  labelColumns: [number, number];
  amountColumn: number;
}

/** 06: groups of 科目编码 · 科目名称 · 决算数 side by side, with a footer row. */
export interface EconomicSpec extends TableSpecBase {
  layout: 'economic';
  groups: EconomicGroup[];
  footer: { personnelTotal: FooterCell; publicTotal: FooterCell };
}

/** 三公: one data row with a 预算数 block and a 决算数 block (or a Shanghai interleave). */
export interface ThreePublicSpec extends TableSpecBase {
  layout: 'threePublic';
  blocks: Array<{ line: LineId; columns: Record<ColumnId, number> }>;
}

export type TableSpec = ClassifiedSpec | TwoSidedSpec | EconomicSpec | ThreePublicSpec;
