import { formatCount } from '../../../figures/format';
import { figureCells, figureIdOf, judgeAmount, missingReason, money, moneyOnly, sourceText, subjectName, whereText } from '../support';
import type { NarrativeRule } from '../types';

/**
 * docs/domain/rules.md 21: every amount (and count) the 情况说明 states equals its cell, or its
 * 补充信息 input. A figure the tool cannot tie to a cell is listed as 无法核对.
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-amount-matches-table',
    description: '情况说明中的金额和数量与表中（或补充信息中）的数字一致',
    severity: 'error',
    rulesMd: 21,
  },
  check(ctx) {
    for (const st of ctx.narrative.statements) {
      if (st.kind !== 'amount' && st.kind !== 'count') continue;
      const isCount = st.kind === 'count';
      // Amounts written in 元 ("14750700元") keep their unit, with the 万元 figure compared.
      const inYuan = !isCount && /(^|[^万])元\s*$/.test(st.quote);
      const shown = isCount ? `${st.written}${st.unit}` : inYuan ? `${st.written}元（即${money(st.value)}）` : `${st.written}万元`;
      if (st.inReason) {
        ctx.report({
          severity: 'warning',
          unverified: true,
          at: st,
          message: `无法核对：“${shown}”出现在原因说明中，不对应表中的数字，请人工核对。`,
        });
        continue;
      }
      const id = figureIdOf(st);
      if (!id) {
        const named = st.subjectText ? `“${st.subjectText}”` : '该数字';
        ctx.report({
          severity: 'warning',
          unverified: true,
          at: st,
          message: `无法核对：${named}${shown}不能对应到表中或补充信息中的数字，请人工核对。`,
        });
        continue;
      }
      const fig = ctx.figure(id);
      const name = subjectName(ctx, st) + (st.measure === 'budget' && !/预算/.test(subjectName(ctx, st)) ? '预算数' : '');
      if (!fig) {
        if (st.measure === 'actual' && moneyOnly(id)) {
          if (st.value === 0) continue;
          const key = id.startsWith('basic.econ') ? 'gpbBasic' : 'gpbExpenditure';
          if (ctx.model.tables[key]) {
            ctx.report({
              at: st,
              expected: money(0),
              message: `文中${name}为${shown}，但${ctx.model.tables[key].sheet}中该科目没有支出。`,
            });
            continue;
          }
        }
        ctx.report({
          severity: 'warning',
          unverified: true,
          at: st,
          message: `无法核对：${name}${shown}——${missingReason(ctx, id)}。`,
        });
        continue;
      }
      if (isCount) {
        if (Math.round(fig.value) !== st.value) {
          ctx.report({
            at: st,
            expected: `${formatCount(fig.value)}${fig.countUnit ?? st.unit}`,
            cells: figureCells(fig),
            message: `文中${name}为${shown}，补充信息中为${formatCount(fig.value)}${fig.countUnit ?? st.unit}${sourceText(fig)}。`,
          });
        }
        continue;
      }
      // 会议费/培训费 without 补充信息 come from 06's 基本支出 only: a floor, not the whole.
      if ((id === 'meeting' || id === 'training') && fig.inputs.length === 0) {
        if (st.value + 1e-9 < fig.value) {
          ctx.report({
            severity: 'warning',
            at: st,
            expected: money(fig.value),
            cells: figureCells(fig),
            message: `文中${name}为${shown}，少于公开06表基本支出中的${name}${money(fig.value)}${sourceText(fig)}；全年${name}不应少于基本支出中的数。`,
          });
        } else if (Math.abs(st.value - fig.value) > 1e-9) {
          ctx.report({
            severity: 'warning',
            unverified: true,
            at: st,
            cells: figureCells(fig),
            message: `无法核对：文中${name}为${shown}，公开06表基本支出中为${money(fig.value)}；项目支出中的${name}需在补充信息中填写。`,
          });
        }
        continue;
      }
      const verdict = judgeAmount(st.value, fig.value, st.decimals, ctx.tolerance);
      if (!verdict) continue;
      const diff = money(st.value - fig.value).replace('万元', '');
      ctx.report({
        severity: verdict,
        at: st,
        expected: money(fig.value),
        cells: figureCells(fig),
        message: `文中${name}为${shown}，${whereText(fig)}为${money(fig.value)}${sourceText(fig)}，差额${diff}万元` + (verdict === 'rounding' ? '（尾数差异）。' : '。'),
      });
    }
  },
};
