import { roundHalfAway } from '../../../figures/format';
import type { Statement } from '../../parse/types';
import { figureCells, judgeAmount, judgePercent, missingReason, money, nearby, pct, sourceText, subjectName } from '../support';
import type { NarrativeContext, NarrativeRule } from '../types';
import { budgetAndActual } from './text-completion-rate';

/**
 * docs/domain/rules.md 24: year-on-year change = this year − last year, rate = change ÷ last year
 * (none when last year is 0); the words 增加/减少, 增长/下降, 大于/小于/等于, 持平
 * follow the sign. Without last year's figure (补充信息) a change is 无法核对, but a
 * change and a rate stated together must still agree with each other and with this
 * year's figure.
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-year-on-year',
    description: '与上年相比的增减额、增减率及增减、大小用词与数字一致',
    severity: 'error',
    rulesMd: 24,
  },
  check(ctx) {
    for (const st of ctx.narrative.statements) {
      if (st.kind === 'change') checkChange(ctx, st);
      else if (st.kind === 'changeRate') checkRate(ctx, st);
      else if (st.kind === 'comparison') checkComparison(ctx, st);
    }
  },
};

const UP: Record<string, string> = { 增加: '增加', 增长: '增长', 上升: '上升', 提高: '提高', 减少: '增加', 下降: '增长', 降低: '上升', 节约: '增加', 节省: '增加' };
const DOWN: Record<string, string> = { 减少: '减少', 下降: '下降', 降低: '降低', 节约: '节约', 节省: '节省', 增加: '减少', 增长: '下降', 上升: '下降', 提高: '降低' };

function rightWord(word: string, sign: number): string {
  if (sign === 0) return '持平';
  return sign > 0 ? (UP[word] ?? '增加') : (DOWN[word] ?? '减少');
}

function sign(x: number): 1 | 0 | -1 {
  const r = roundHalfAway(x);
  return r > 0 ? 1 : r < 0 ? -1 : 0;
}

/** A zero change written as 增加/减少: should be 持平. */
function levelWord(ctx: NarrativeContext, st: Statement): boolean {
  if (st.direction === undefined || st.direction === 0 || Math.abs(st.value) > 1e-9) return false;
  ctx.report({
    severity: 'warning',
    at: st,
    word: true,
    expected: '持平',
    message: `增减额为0，文中写“${st.word}0${st.unit}”，应写“持平”。`,
  });
  return true;
}

function checkChange(ctx: NarrativeContext, st: Statement): void {
  if (!st.subject) {
    ctx.report({ severity: 'warning', unverified: true, at: st, message: `无法核对：增减额${st.written}万元——不能确定是哪一项与上年相比。` });
    return;
  }
  const name = subjectName(ctx, st);
  const fig = ctx.figure(`${st.subject}.change`);
  if (!fig) {
    if (levelWord(ctx, st)) return;
    ctx.report({
      severity: 'warning',
      unverified: true,
      at: st,
      message: `无法核对：${name}与上年相比${st.word ?? ''}${st.written}万元——${missingReason(ctx, `${st.subject}.change`)}。`,
    });
    return;
  }
  const prior = ctx.figure(`${st.subject}.prior`);
  const basis = `本年${money(ctx.figure(st.subject)?.value ?? 0)} − 上年${money(prior?.value ?? 0)}${prior ? sourceText(prior) : ''}`;
  const s = sign(fig.value);
  if (st.direction !== undefined && st.word) {
    if (s === 0 && levelWord(ctx, st)) return;
    if (s !== 0 && st.direction !== s) {
      ctx.report({
        at: st,
        word: true,
        expected: rightWord(st.word, s),
        cells: figureCells(fig),
        message: `文中写“${st.word}”，但${name}${basis}，实际${s > 0 ? '增加' : '减少'}${money(Math.abs(fig.value))}。`,
      });
      return;
    }
  }
  const verdict = judgeAmount(Math.abs(st.value), Math.abs(fig.value), st.decimals, ctx.tolerance);
  if (verdict) {
    ctx.report({
      severity: verdict,
      at: st,
      expected: money(Math.abs(fig.value)),
      cells: figureCells(fig),
      message: `文中${name}与上年相比${st.word ?? ''}${st.written}万元，按${basis}计算为${money(fig.value)}${verdict === 'rounding' ? '（尾数差异）' : ''}。`,
    });
  }
}

function checkRate(ctx: NarrativeContext, st: Statement): void {
  if (!st.subject) {
    ctx.report({ severity: 'warning', unverified: true, at: st, message: `无法核对：增减率${st.written}%——不能确定是哪一项与上年相比。` });
    return;
  }
  const name = subjectName(ctx, st);
  const prior = ctx.figure(`${st.subject}.prior`);
  const rate = ctx.figure(`${st.subject}.changeRate`);
  if (prior && roundHalfAway(prior.value) === 0) {
    ctx.report({
      at: st,
      expected: '不计算增减率',
      cells: figureCells(prior),
      message: `${name}上年数为0${sourceText(prior)}，不应计算增减率（文中写${st.word ?? ''}${st.written}%），应写明上年为0。`,
    });
    return;
  }
  if (rate && prior) {
    const s = sign(rate.value);
    if (st.direction !== undefined && st.word && s !== 0 && st.direction !== 0 && st.direction !== s) {
      ctx.report({
        at: st,
        word: true,
        expected: rightWord(st.word, s),
        cells: figureCells(rate),
        message: `文中写“${st.word}${st.written}%”，但${name}比上年${s > 0 ? '增长' : '下降'}${pct(Math.abs(rate.value))}。`,
      });
      return;
    }
    const cur = roundHalfAway(ctx.figure(st.subject)?.value ?? 0);
    const change = roundHalfAway(cur - roundHalfAway(prior.value));
    const verdict = judgePercent(Math.abs(st.value), Math.abs(change), roundHalfAway(prior.value), st.decimals, ctx.tolerance);
    if (verdict) {
      ctx.report({
        severity: verdict,
        at: st,
        expected: pct(Math.abs(rate.value)),
        cells: figureCells(rate),
        message: `文中${name}增减率为${st.written}%，按增减额${money(change)}÷上年${money(prior.value)}${sourceText(prior)}计算应为${pct(Math.abs(rate.value))}${verdict === 'rounding' ? '（尾数差异）' : ''}。`,
      });
    }
    return;
  }
  // No last year's figure: check the rate against the change and this year's figure the text gives.
  const change = st.anchor !== undefined ? ctx.narrative.statements[st.anchor] : undefined;
  const curFig = ctx.figure(st.subject);
  const curStated = nearby(ctx, st, (s) => s.kind === 'amount' && s.subject === st.subject && s.measure === 'actual');
  const cur = curFig ? roundHalfAway(curFig.value) : curStated?.value;
  if (change && change.kind === 'change' && cur !== undefined && (change.direction !== undefined || change.value === 0)) {
    const impliedPrior = roundHalfAway(cur - change.value);
    if (impliedPrior === 0) {
      ctx.report({
        at: st,
        expected: '不计算增减率',
        cells: figureCells(curFig),
        message: `按本年${money(cur)}和文中增减额${change.written}万元，${name}上年为0，不应计算增减率（文中写${st.written}%），应写明上年为0。`,
      });
      return;
    }
    if (st.direction !== undefined && change.direction !== undefined && st.direction !== 0 && change.direction !== 0 && st.direction !== change.direction) {
      ctx.report({
        at: st,
        word: true,
        expected: rightWord(st.word ?? '', change.direction),
        message: `文中增减额写“${change.word}”，增减率却写“${st.word}”，方向不一致。`,
      });
      return;
    }
    const verdict = judgePercent(Math.abs(st.value), Math.abs(change.value), impliedPrior, st.decimals, ctx.tolerance);
    const expected = (Math.abs(change.value) / impliedPrior) * 100;
    if (verdict === 'error') {
      ctx.report({
        at: st,
        expected: pct(expected),
        cells: figureCells(curFig),
        message: `文中${name}增减率为${st.written}%，与文中增减额不一致：本年${money(cur)}、增减${change.written}万元，上年应为${money(impliedPrior)}，增减率应为${pct(expected)}。`,
      });
      return;
    }
  }
  ctx.report({
    severity: 'warning',
    unverified: true,
    at: st,
    message: `无法核对：${name}增减率${st.written}%——${missingReason(ctx, `${st.subject}.prior`)}。`,
  });
}

const COMPARISON_TEXT: Record<number, string> = { 1: '大于', 0: '等于', [-1]: '小于' };

function checkComparison(ctx: NarrativeContext, st: Statement): void {
  if (st.direction === undefined) return; // leftovers: text-template-leftover
  const ba = st.subject ? budgetAndActual(ctx, st) : undefined;
  if (!ba || ba.actual === undefined || ba.budget === undefined) {
    ctx.report({
      severity: 'warning',
      unverified: true,
      at: st,
      word: true,
      message: `无法核对：“决算数${st.word}预算数”——${st.subject ? `找不到${subjectName(ctx, st)}的决算数或预算数` : '不能确定是哪一项'}。`,
    });
    return;
  }
  const s = sign(ba.actual - ba.budget);
  if (s === st.direction) return;
  ctx.report({
    at: st,
    word: true,
    expected: COMPARISON_TEXT[s],
    cells: ba.cells,
    message: `文中写决算数“${st.word}”预算数，但${subjectName(ctx, st)}决算${ba.actualText}${COMPARISON_TEXT[s]}预算${ba.budgetText}。`,
  });
}
