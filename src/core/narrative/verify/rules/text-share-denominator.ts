import { percentOf, roundHalfAway } from '../../../figures/format';
import type { Figure, FigureId } from '../../../figures/types';
import type { Statement } from '../../parse/types';
import { figureCells, judgePercent, missingReason, money, nearby, pct, sourceText, subjectName } from '../support';
import type { NarrativeContext, NarrativeRule } from '../types';

/** Denominators a share is commonly (mis)taken over, tried when a stated share is wrong. */
export const CANDIDATE_DENOMINATORS: FigureId[] = [
  'gpb.total',
  'basic.total',
  'gpb.project',
  'income.total',
  'expenditure.total',
  'expenditure.basic',
  'expenditure.project',
  'threePublic.total',
  'procurement.total',
  'summary.total',
  'fiscal.total',
];

/**
 * docs/domain/rules.md 22: a share is its item over the right denominator (收入 items ÷ 本年收入合计,
 * 支出 items ÷ 本年支出合计, 人员/公用经费 ÷ 基本支出, 三公 items ÷ 三公 决算合计,
 * 财政拨款支出 structure ÷ 一般公共预算财政拨款支出), two decimals.
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-share-denominator',
    description: '情况说明中的占比按正确的分母计算（保留两位小数）',
    severity: 'error',
    rulesMd: 22,
  },
  check(ctx) {
    for (const st of ctx.narrative.statements) {
      if (st.kind === 'share') checkShare(ctx, st);
      else if (st.kind === 'percent') {
        ctx.report({
          severity: 'warning',
          unverified: true,
          at: st,
          message: st.inReason
            ? `无法核对：“${st.written}%”出现在原因说明中，不对应表中的数字，请人工核对。`
            : `无法核对：不能确定“${st.written}%”是占比、完成率还是增减率，请人工核对。`,
        });
      }
    }
  },
};

function checkShare(ctx: NarrativeContext, st: Statement): void {
  const anchor = st.anchor !== undefined ? ctx.narrative.statements[st.anchor] : undefined;
  const numFig = ctx.figure(st.subject);
  const proper = ctx.figure(st.subject ? `${st.subject}.share` : undefined);
  // numerator: the table's figure, else the amount the text states beside the share
  let num: number | undefined;
  let numLabel = '';
  let numFigure: Figure | undefined;
  if (numFig) {
    num = roundHalfAway(numFig.value);
    numLabel = `${numFig.label}${money(numFig.value)}${sourceText(numFig)}`;
    numFigure = numFig;
  } else if (st.subject && anchor && anchor.subject === st.subject && /^(gpb\.class|gpb\.item|basic\.econ)\./.test(st.subject)) {
    num = 0; // a class with no money in the table
    numLabel = `${subjectName(ctx, st)}0.00万元`;
  } else if (anchor) {
    num = anchor.value;
    numLabel = `文中金额${money(anchor.value)}`;
  }
  // denominator: as stated, else the figure's proper one
  let denId: FigureId | undefined;
  if (st.denominator?.text) denId = st.denominator.subject;
  else denId = proper?.basis?.denominator ?? defaultDenominator(ctx, st);
  const den = ctx.figure(denId);
  if (num !== undefined && !den && denId && anchor && checkAgainstText(ctx, st, anchor.value, denId)) return;
  if (num === undefined || !den) {
    const why =
      st.denominator?.text && !st.denominator.subject
        ? `不能确定分母“${st.denominator.text}”对应的表中数字`
        : denId
          ? missingReason(ctx, denId)
          : '不能确定该占比的分子或分母';
    ctx.report({
      severity: 'warning',
      unverified: true,
      at: st,
      message: `无法核对：占比${st.written}%——${why}。`,
    });
    return;
  }
  const denValue = roundHalfAway(den.value);
  const denLabel = `${den.label}${money(den.value)}${sourceText(den)}`;
  const cells = [...figureCells(numFigure), ...figureCells(den)];
  if (denValue === 0) {
    ctx.report({
      severity: st.value === 0 ? 'warning' : 'error',
      at: st,
      expected: '不计算占比',
      cells,
      message: `分母${denLabel}为0，不应计算占比（文中写${st.written}%），应写明该项为0。`,
    });
    return;
  }
  const expected = percentOf(num, denValue)!;
  const verdict = judgePercent(st.value, num, denValue, st.decimals, ctx.tolerance);
  if (verdict === 'error') {
    const hints: string[] = [];
    const alts: string[] = [];
    for (const alt of CANDIDATE_DENOMINATORS) {
      const f = ctx.figure(alt);
      if (!f || alt === denId || roundHalfAway(f.value) === 0) continue;
      if (!judgePercent(st.value, num, roundHalfAway(f.value), st.decimals, ctx.tolerance)) {
        alts.push(`${f.label}${money(f.value)}${sourceText(f)}`);
      }
    }
    if (alts.length) hints.push(`文中${st.written}%是以${alts.slice(0, 3).join('或')}为分母算出的`);
    if (!hints.length && anchor && numFig && Math.abs(anchor.value - num) > 1e-9) {
      const p = percentOf(anchor.value, denValue);
      if (p !== undefined && !judgePercent(st.value, anchor.value, denValue, st.decimals, ctx.tolerance)) {
        hints.push(`文中${st.written}%与文中所写金额${money(anchor.value)}相符，但表中金额为${money(num)}`);
      }
    }
    ctx.report({
      at: st,
      expected: pct(expected),
      cells,
      message: `文中占比为${st.written}%，按${numLabel}÷${denLabel}计算应为${pct(expected)}` + (hints.length ? `；${hints.join('；')}。` : '。'),
    });
    return;
  }
  if (verdict === 'rounding') {
    ctx.report({
      severity: 'rounding',
      at: st,
      expected: pct(expected),
      cells,
      message: `文中占比为${st.written}%，按${numLabel}÷${denLabel}计算为${pct(expected)}（尾数差异）。`,
    });
  }
  // A share stated over an explicit denominator that is not the proper one.
  const properDen = proper?.basis?.denominator;
  if (st.denominator?.text && properDen && denId && properDen !== denId) {
    const pd = ctx.figure(properDen)!;
    ctx.report({
      severity: 'warning',
      at: st,
      expected: proper ? pct(proper.value) : undefined,
      cells: figureCells(pd),
      message: `文中以“${st.denominator.text}”为分母；${numFig?.label ?? '该项'}的占比应以${pd.label}为分母，为${pct(proper.value)}。`,
    });
  }
}

/**
 * Neither table nor 补充信息 holds the denominator, but the text states it beside the
 * share (政府采购总额 and 授予中小企业): the share must follow from the two amounts the
 * text gives. Reports and returns true when it does not; false leaves it 无法核对.
 */
function checkAgainstText(ctx: NarrativeContext, st: Statement, num: number, denId: FigureId): boolean {
  const total = nearby(ctx, st, (s) => s.kind === 'amount' && s.subject === denId && s.measure === 'actual' && s.role !== 'denominator');
  if (!total || total.value === 0) return false;
  const verdict = judgePercent(st.value, num, total.value, st.decimals, ctx.tolerance);
  if (verdict !== 'error') return false;
  const expected = percentOf(num, total.value)!;
  ctx.report({
    at: st,
    expected: pct(expected),
    message: `文中占比为${st.written}%，按文中所写${money(num)}÷${money(total.value)}计算应为${pct(expected)}（两数均取自文中）。`,
  });
  return true;
}

/** A share with no stated denominator of something with no .share figure: by topic. */
function defaultDenominator(ctx: NarrativeContext, st: Statement): FigureId | undefined {
  const s = st.subject ?? '';
  if (/^threePublic\./.test(s)) return 'threePublic.total';
  if (/^income\./.test(s)) return 'income.total';
  if (/^expenditure\./.test(s)) return 'expenditure.total';
  if (/^gpb\.class\./.test(s)) return 'gpb.total';
  if (/^basic\.(personnel|public)$/.test(s)) return 'basic.total';
  if (/^procurement\./.test(s)) return 'procurement.total';
  void ctx;
  return undefined;
}
