import { percentOf, roundHalfAway } from '../../../figures/format';
import type { Statement } from '../../parse/types';
import { figureCells, judgePercent, missingReason, money, nearby, pct, sourceText, subjectName } from '../support';
import type { NarrativeContext, NarrativeRule } from '../types';

/**
 * docs/domain/rules.md 23: completion rate = 决算 ÷ 预算 (年初预算); when the budget is 0 no rate
 * is given. The budget comes from 公开07表 (三公) or the 补充信息 sheet (per 项); when
 * neither holds it, the budget the text states beside the rate is used, and said so.
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-completion-rate',
    description: '完成预算的比例 = 决算数 ÷ 预算数；预算为0时不计算完成率',
    severity: 'error',
    rulesMd: 23,
  },
  check(ctx) {
    for (const st of ctx.narrative.statements) {
      if (st.kind === 'completion') checkCompletion(ctx, st);
    }
  },
};

export interface BudgetActual {
  actual?: number;
  actualText: string;
  budget?: number;
  budgetText: string;
  cells: ReturnType<typeof figureCells>;
  /** The budget was taken from the text, not from a table or input. */
  budgetFromText: boolean;
}

/** 决算 and 预算 of a subject: from figures, else from the statements near `st`. */
export function budgetAndActual(ctx: NarrativeContext, st: Statement): BudgetActual {
  const subject = st.subject!;
  const actualFig = ctx.figure(subject);
  const budgetFig = ctx.figure(`${subject}.budget`);
  const out: BudgetActual = { actualText: '', budgetText: '', cells: [], budgetFromText: false };
  if (actualFig) {
    out.actual = roundHalfAway(actualFig.value);
    out.actualText = `${money(actualFig.value)}${sourceText(actualFig)}`;
    out.cells.push(...figureCells(actualFig));
  } else {
    const a = nearby(ctx, st, (s) => s.kind === 'amount' && s.subject === subject && s.measure === 'actual');
    if (a) {
      out.actual = a.value;
      out.actualText = `${money(a.value)}（文中）`;
    }
  }
  if (budgetFig) {
    out.budget = roundHalfAway(budgetFig.value);
    out.budgetText = `${money(budgetFig.value)}${sourceText(budgetFig)}`;
    out.cells.push(...figureCells(budgetFig));
  } else {
    const b = nearby(ctx, st, (s) => s.kind === 'amount' && s.subject === subject && s.measure === 'budget');
    if (b) {
      out.budget = b.value;
      out.budgetText = `${money(b.value)}（取自文中，${missingReason(ctx, `${subject}.budget`)}）`;
      out.budgetFromText = true;
    }
  }
  return out;
}

function checkCompletion(ctx: NarrativeContext, st: Statement): void {
  if (!st.subject) {
    ctx.report({
      severity: 'warning',
      unverified: true,
      at: st,
      message: `无法核对：完成率${st.written}%——不能确定是哪一项的预算完成情况。`,
    });
    return;
  }
  const name = subjectName(ctx, st);
  const ba = budgetAndActual(ctx, st);
  if (ba.budget === undefined || ba.actual === undefined) {
    ctx.report({
      severity: 'warning',
      unverified: true,
      at: st,
      message: `无法核对：${name}完成预算的${st.written}%——${missingReason(ctx, `${st.subject}.budget`)}。`,
    });
    return;
  }
  if (ba.budget === 0) {
    ctx.report({
      at: st,
      expected: '不计算完成率',
      cells: ba.cells,
      message: `${name}预算数为0${ba.budgetFromText ? '（文中）' : ''}，不应计算完成率（文中写${st.written}%）；应写明年初预算为0、未计算完成率。`,
    });
    return;
  }
  const expected = percentOf(ba.actual, ba.budget)!;
  const verdict = judgePercent(st.value, ba.actual, ba.budget, st.decimals, ctx.tolerance);
  if (!verdict) {
    if (ba.budgetFromText) {
      ctx.report({
        severity: 'warning',
        unverified: true,
        at: st,
        message: `无法完全核对：${name}完成率${st.written}%与文中的预算数${money(ba.budget)}一致，但预算数本身${missingReason(ctx, `${st.subject}.budget`)}。`,
      });
    }
    return;
  }
  const below = ba.actual < ba.budget && st.value > 100 ? `；决算小于预算，完成率不应超过100%` : '';
  ctx.report({
    severity: verdict,
    at: st,
    expected: pct(expected),
    cells: ba.cells,
    message:
      `文中${name}完成预算的${st.written}%，按决算${ba.actualText}÷预算${ba.budgetText}计算应为${pct(expected)}${below}` +
      (verdict === 'rounding' ? '（尾数差异）。' : '。'),
  });
}
