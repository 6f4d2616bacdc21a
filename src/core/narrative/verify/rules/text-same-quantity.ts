import { formatCount, roundHalfAway } from '../../../figures/format';
import type { Statement } from '../../parse/types';
import { figureCells, figureIdOf, judgeAmount, money, sectionName, subjectName } from '../support';
import type { NarrativeRule } from '../types';

/**
 * docs/domain/rules.md 27: one quantity is stated the same way everywhere in the text (staff
 * counts, 项目支出, 公务用车 决算 …). Where the tables know the value, the statement
 * that departs from it is the one quoted.
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-same-quantity',
    description: '同一个数在文中各处的写法一致',
    severity: 'error',
    rulesMd: 27,
  },
  check(ctx) {
    const groups = new Map<string, Statement[]>();
    for (const s of ctx.narrative.statements) {
      if ((s.kind !== 'amount' && s.kind !== 'count') || s.inReason || !s.subject) continue;
      const key = `${s.subject}|${s.measure}|${s.kind}`;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const list of groups.values()) {
      if (list.length < 2) continue;
      const first = list[0];
      const fig = ctx.figure(figureIdOf(first));
      const show = (s: Statement) => (s.kind === 'count' ? `${formatCount(s.value)}${s.unit}` : money(s.value));
      const reported = new Set<number>();
      for (const other of list.slice(1)) {
        const same =
          first.kind === 'count'
            ? first.value === other.value
            : judgeAmount(other.value, first.value, Math.min(other.decimals, first.decimals), ctx.tolerance) !== 'error';
        if (same) continue;
        // Quote the one the tables contradict (else the later one).
        let wrong = other;
        let right = first;
        if (fig && first.kind !== 'count') {
          const r = roundHalfAway(fig.value);
          if (Math.abs(first.value - r) > Math.abs(other.value - r)) {
            wrong = first;
            right = other;
          }
        }
        if (reported.has(wrong.id)) continue;
        reported.add(wrong.id);
        ctx.report({
          at: wrong,
          expected: show(right),
          cells: figureCells(fig),
          message:
            `同一个数前后不一致：${subjectName(ctx, wrong)}在${sectionName(wrong.section)}写作${show(wrong)}，在${sectionName(right.section)}写作${show(right)}` +
            (fig ? `（表中为${first.kind === 'count' ? formatCount(fig.value) + first.unit : money(fig.value)}）。` : '。'),
        });
      }
    }
  },
};
