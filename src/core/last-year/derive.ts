import type { CellRef } from '../cells';
import { className, cleanName, roundHalfAway, type FigureId } from '../figures';
import type { InputKey } from '../inputs/fields';
import { amount, line, type Amount, type TableKey, type TableModel, type WorkbookModel } from '../model/tables';
import { figuresFromText, TEXT_TARGETS, TEXT_THREE_PUBLIC } from './from-text';
import { matchLines } from './match';
import type { LastYearFigures, LastYearProblem, PriorFigure, Unmatched } from './types';

export interface DeriveOptions {
  /** This year's model: classes and items are paired against it (without it, none are derived). */
  current?: WorkbookModel;
  /** Last year's published 情况说明, for the figures the tables do not hold. */
  text?: string;
}

/**
 * deriveLastYear(lastModel, { current, text }) → last year's value of every figure the
 * narrative compares with last year, each with the cell (or statement) it comes from.
 * Pure. Table figures come from last year's tables whatever their layout or edition
 * (the reader's model names rows and columns by meaning); 类/项 are paired with this
 * year's by code, else by name (match.ts); what cannot be paired is listed, not guessed.
 */
export function deriveLastYear(last: WorkbookModel, options: DeriveOptions = {}): LastYearFigures {
  const figures: PriorFigure[] = [];
  const problems: LastYearProblem[] = [];
  const unmatched: Unmatched[] = [];
  const t = last.tables;

  // Amounts in 元 are converted to 万元, per table.
  const factorOf = (table: TableModel | undefined): number => (table?.moneyUnit === '元' ? 10000 : 1);
  const converted = new Set<TableKey>();

  const add = (id: FigureId, label: string, table: TableModel | undefined, a: Amount | undefined, key?: InputKey, note?: string): void => {
    if (!table || !a) return;
    if (!Number.isFinite(a.value)) {
      problems.push({ message: `上年${label.replace(/^上年/, '')}所在单元格 ${a.cell.sheet}!${a.cell.address} 不是数字，未取上年数。`, cells: [a.cell] });
      return;
    }
    const factor = factorOf(table);
    if (factor !== 1) converted.add(table.key);
    figures.push({
      id,
      label,
      value: roundHalfAway(a.value / factor),
      unit: '万元',
      key,
      origin: { kind: 'table', cells: [a.cell] },
      note: [factor !== 1 ? '上年表以元为单位，已换算为万元' : '', note ?? ''].filter(Boolean).join('；') || undefined,
    });
  };

  // 一 收、支总计 (01 总计), 四 财政拨款收、支总计 (04 总计)
  add(
    'summary.total',
    '上年收、支总计',
    t.summary,
    firstFinite(amount(t.summary, 'inc.grandTotal', 'amount'), amount(t.summary, 'exp.grandTotal', 'amount')),
    'prior.summaryTotal',
  );
  add('income.total', '上年收入合计', t.income ?? t.summary, t.income ? amount(t.income, 'total', 'total') : amount(t.summary, 'inc.total', 'amount'));
  add(
    'expenditure.total',
    '上年支出合计',
    t.expenditure ?? t.summary,
    t.expenditure ? amount(t.expenditure, 'total', 'total') : amount(t.summary, 'exp.total', 'amount'),
  );
  add('expenditure.basic', '上年基本支出', t.expenditure, amount(t.expenditure, 'total', 'basic'));
  add('expenditure.project', '上年项目支出', t.expenditure, amount(t.expenditure, 'total', 'project'));
  add(
    'fiscal.total',
    '上年财政拨款收、支总计',
    t.fiscalSummary,
    firstFinite(amount(t.fiscalSummary, 'inc.grandTotal', 'amount'), amount(t.fiscalSummary, 'exp.grandTotal', 'total')),
    'prior.fiscalTotal',
  );

  // 五 一般公共预算财政拨款支出 (05)
  const gpb = t.gpbExpenditure;
  add('gpb.total', '上年一般公共预算财政拨款支出', gpb, amount(gpb, 'total', 'total'), 'prior.gpbTotal');
  add('gpb.basic', '上年一般公共预算财政拨款基本支出', gpb, amount(gpb, 'total', 'basic'));
  add('gpb.project', '上年一般公共预算财政拨款项目支出', gpb, amount(gpb, 'total', 'project'));

  // 六 人员经费 / 公用经费 (06)
  add('basic.personnel', '上年人员经费', t.gpbBasic, amount(t.gpbBasic, 'personnelTotal', 'amount'));
  add('basic.public', '上年公用经费', t.gpbBasic, amount(t.gpbBasic, 'publicTotal', 'amount'));

  // 七 "三公" (07; 2023+: 09) — the 决算数 line
  const tp = t.threePublic;
  const actual = line(tp, 'actual');
  if (tp && actual) {
    const items: Array<[string, string, string, InputKey | undefined]> = [
      ['threePublic.abroad', '上年因公出国（境）费', 'abroad', 'prior.threePublic.abroad'],
      ['threePublic.carPurchase', '上年公务用车购置费', 'carPurchase', 'prior.threePublic.carPurchase'],
      ['threePublic.carOperation', '上年公务用车运行维护费', 'carOperation', 'prior.threePublic.carOperation'],
      ['threePublic.reception', '上年公务接待费', 'reception', 'prior.threePublic.reception'],
      ['threePublic.car', '上年公务用车购置及运行维护费', 'carTotal', undefined],
      ['threePublic.total', '上年“三公”经费', 'total', undefined],
    ];
    for (const [id, label, col, key] of items) {
      const a = actual.values[col];
      // A blank item of the 决算数 line is 0 (the table states it); a missing column is not.
      if (a) add(id, label, tp, a, key);
    }
    if (!actual.values.carPurchase && !actual.values.carOperation && actual.values.carTotal) {
      problems.push({
        message: `上年“三公”经费表只有公务用车购置及运行维护费合计，没有分列购置费和运行维护费，未填这两项上年数。`,
        cells: [actual.values.carTotal.cell],
      });
    }
  }

  // Classes and items of 05, paired with this year's.
  const curGpb = options.current?.tables.gpbExpenditure;
  if (gpb && curGpb) {
    const factor = factorOf(gpb);
    const m = matchLines(curGpb, gpb, 'total', '公开05表（一般公共预算财政拨款支出决算表）', factor);
    unmatched.push(...m.unmatched);
    for (const level of ['class', 'item'] as const) {
      for (const p of m.pairs) {
        if (p.current.level !== level || !p.current.code) continue;
        const a = p.last.values.total;
        const name = level === 'class' ? `${className(p.current.label)}（类）` : `${cleanName(p.current.label)}（项）`;
        add(`gpb.${level}.${p.current.code}`, `上年${name}`, gpb, a, undefined, p.note);
      }
    }
  }

  // Figures only the text holds (and "三公" from the text when the tables have none).
  if (options.text !== undefined && options.text.trim()) {
    const targets = tp && actual ? TEXT_TARGETS : { ...TEXT_THREE_PUBLIC, ...TEXT_TARGETS };
    const fromText = figuresFromText(options.text, last, targets);
    figures.push(...fromText.figures);
    problems.push(...fromText.problems);
  }

  for (const key of converted) {
    const table = t[key];
    if (table) problems.push({ message: `上年${table.sheet}以“元”为金额单位，已按 1万元 = 10000元 换算。`, cells: [] });
  }
  problems.push(...sameFileWarning(last, options.current));

  const byId = new Map(figures.map((f) => [f.id, f]));
  return { figures, unmatched, problems, get: (id) => byId.get(id) };
}

function firstFinite(...list: Array<Amount | undefined>): Amount | undefined {
  return list.find((a) => a && Number.isFinite(a.value)) ?? list.find((a) => a);
}

/** Last year's file the same as this year's (same 01 总计, 05 合计 and 04 总计): probably the wrong file. */
function sameFileWarning(last: WorkbookModel, current: WorkbookModel | undefined): LastYearProblem[] {
  if (!current) return [];
  const pick = (m: WorkbookModel): number[] =>
    [
      amount(m.tables.summary, 'inc.grandTotal', 'amount'),
      amount(m.tables.gpbExpenditure, 'total', 'total'),
      amount(m.tables.fiscalSummary, 'inc.grandTotal', 'amount'),
    ].map((a) => (a && Number.isFinite(a.value) ? roundHalfAway(a.value) : NaN));
  const a = pick(last);
  const b = pick(current);
  const comparable = a.filter((x, i) => Number.isFinite(x) && Number.isFinite(b[i]));
  if (comparable.length < 2 || a.some((x, i) => Number.isFinite(x) && Number.isFinite(b[i]) && x !== b[i])) return [];
  const cells: CellRef[] = [];
  const s = amount(last.tables.summary, 'inc.grandTotal', 'amount');
  if (s) cells.push(s.cell);
  return [{ message: '上年报表的总计、一般公共预算财政拨款支出合计与本年完全相同，可能选成了本年的文件，请确认。', cells }];
}
