import { roundHalfAway } from '../../../figures/format';
import type { NarrativeRule } from '../types';
import { budgetAndActual } from './text-completion-rate';

/**
 * docs/domain/rules.md 25: no template leftovers: both words of a choice kept (增加（减少）,
 * 大于（小于）, 减少（增长）), placeholders (XX, ××) and empty brackets (〔〕, （）).
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-template-leftover',
    description: '情况说明中没有模板残留（增加（减少）、大于（小于）、XX、〔〕等）',
    severity: 'error',
    rulesMd: 25,
  },
  check(ctx) {
    for (const l of ctx.narrative.leftovers) {
      const choice = /^(.+?)\((.+)\)$/.exec(l.text);
      let expected: string | undefined;
      // A 大于（小于） on a statement the tables decide: say which word is right.
      const st = ctx.narrative.statements.find((s) => s.leftover && s.wordStart !== undefined && s.wordStart <= l.start && (s.wordEnd ?? 0) >= l.end);
      if (st && st.kind === 'comparison' && st.subject) {
        const ba = budgetAndActual(ctx, st);
        if (ba.actual !== undefined && ba.budget !== undefined) {
          const d = roundHalfAway(ba.actual - ba.budget);
          expected = d > 0 ? '大于' : d < 0 ? '小于' : '等于';
        }
      } else if (st && (st.kind === 'change' || st.kind === 'changeRate')) {
        // The change: from last year's figure when given, else the amount the text states.
        const change = st.kind === 'change' ? st : st.anchor !== undefined ? ctx.narrative.statements[st.anchor] : undefined;
        const fig = st.subject ? ctx.figure(`${st.subject}.change`) : undefined;
        const d = fig ? roundHalfAway(fig.value) : change && change.value === 0 ? 0 : undefined;
        if (d !== undefined) {
          if (d === 0) expected = '持平';
          else if (st.kind === 'change') expected = d > 0 ? '增加' : '减少';
          else expected = d > 0 ? '增长' : '下降';
        }
      }
      ctx.report({
        at: l,
        expected,
        message: choice
          ? `模板残留“${l.quote}”：两种说法都保留了，应按数字只留一个${expected ? `（应为“${expected}”）` : ''}。`
          : `模板残留“${l.quote}”：占位符或空括号未填写。`,
      });
    }
  },
};
