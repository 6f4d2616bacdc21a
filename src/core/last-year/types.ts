import type { CellRef } from '../cells';
import type { FigureId } from '../figures';
import type { InputKey } from '../inputs/fields';

/**
 * Last year's figures, derived from last year's published workbook (any layout the
 * reader knows) and, where given, last year's published 情况说明.
 *
 * Every figure is last year's value of a current-year figure base (src/core/figures
 * ids): `summary.total` here is last year's 收、支总计, i.e. this year's
 * `summary.total.prior`.
 */

/** Where a last-year figure was read. */
export type PriorOrigin =
  /** A cell (or cells) of last year's workbook. */
  | { kind: 'table'; cells: CellRef[] }
  /** A statement of last year's 情况说明 (取自上年情况说明). */
  | { kind: 'text'; quote: string; start: number; end: number; line: number };

export interface PriorFigure {
  /** The current-year figure base it is last year's value of ('summary.total', 'gpb.class.201'). */
  id: FigureId;
  /** Chinese name, for listings: '上年收、支总计'. */
  label: string;
  /** 万元 (two decimals) for amounts, a whole number for counts. */
  value: number;
  unit: '万元' | 'count';
  /** Measure word of a count (辆, 个, 人次). */
  countUnit?: string;
  /** The 补充信息 field it fills, when the sheet has one. */
  key?: InputKey;
  origin: PriorOrigin;
  /** How it was matched or converted, in Chinese ('按名称对应：上年科目 2019901 其他一般公共服务支出', '上年表以元为单位，已换算为万元'). */
  note?: string;
}

/** A 类 or 项 that could not be paired across the two years (never guessed). */
export interface Unmatched {
  level: 'class' | 'item';
  /** 'current': this year's line with no counterpart last year; 'last': last year's line with money and no counterpart this year. */
  side: 'current' | 'last';
  code: string;
  name: string;
  /** Its amount in the year it belongs to (万元). */
  value: number;
  cells: CellRef[];
  /** Chinese explanation. */
  message: string;
}

/** Something about last year's input the user should know (wrong file, units, conflicts in the text). */
export interface LastYearProblem {
  message: string;
  cells: CellRef[];
}

export interface LastYearFigures {
  /** In a stable order: totals, 三公, 基本支出, classes, items, then figures from the text. */
  figures: PriorFigure[];
  unmatched: Unmatched[];
  problems: LastYearProblem[];
  /** The figure for an id, if derived. */
  get(id: FigureId): PriorFigure | undefined;
}
