import { formatCount, roundHalfAway } from '../../../figures/format';
import type { FigureId } from '../../../figures/types';
import type { Statement } from '../../parse/types';
import { figureCells, figureIdOf, judgeAmount, money, sectionName } from '../support';
import type { NarrativeRule } from '../types';

/** Totals and the parts the text lists beside them (data). */
export const PART_GROUPS: Array<{ total: FigureId; parts: FigureId[] }> = [
  {
    total: 'assets.vehicles',
    parts: (['leader', 'confidential', 'emergency', 'enforcement', 'special', 'other'] as const).map((k): FigureId => `assets.vehicles.${k}`),
  },
  { total: 'procurement.total', parts: ['procurement.goods', 'procurement.works', 'procurement.services'] },
  { total: 'threePublic.total', parts: ['threePublic.abroad', 'threePublic.car', 'threePublic.reception'] },
  { total: 'threePublic.car', parts: ['threePublic.carPurchase', 'threePublic.carOperation'] },
  {
    total: 'income.total',
    parts: (['fiscal', 'superior', 'business', 'operating', 'affiliated', 'other'] as const).map((k): FigureId => `income.${k}`),
  },
  {
    total: 'expenditure.total',
    parts: (['basic', 'project', 'toSuperior', 'operating', 'toAffiliated'] as const).map((k): FigureId => `expenditure.${k}`),
  },
  { total: 'basic.total', parts: ['basic.personnel', 'basic.public'] },
  { total: 'govFund.total', parts: ['govFund.basic', 'govFund.project'] },
];

function isCountGroup(total: Statement): boolean {
  return total.kind === 'count';
}

function partContradictsTable(ctx: Parameters<NarrativeRule['check']>[0], s: Statement): boolean {
  const fig = ctx.figure(figureIdOf(s));
  return !!fig && judgeAmount(s.value, fig.value, s.decimals, ctx.tolerance) === 'error';
}

/** The part of the text a total and its parts must share: the section down to its second level. */
function scope(st: Statement): string {
  return st.section.id.split('.').slice(0, 2).join('.');
}

/**
 * docs/domain/rules.md 26: the parts the text lists add up to the total it states beside them
 * (vehicle counts, 政府采购 goods + works + services, 三公 items, 收入/支出 items).
 * All parts stated: the sum must equal the total (n parts × tolerance for amounts);
 * some missing: the parts stated must not exceed the total.
 */
export const rule: NarrativeRule = {
  meta: {
    id: 'text-parts-add-up',
    description: '文中列出的各分项之和等于文中所写的合计数',
    severity: 'error',
    rulesMd: 26,
  },
  check(ctx) {
    const list = ctx.narrative.statements.filter((s) => (s.kind === 'amount' || s.kind === 'count') && !s.inReason && s.subject);
    for (const group of PART_GROUPS) {
      for (let i = 0; i < list.length; i++) {
        const total = list[i];
        if (total.subject !== group.total) continue;
        const parts = new Map<FigureId, Statement>();
        for (let j = i + 1; j < list.length; j++) {
          const s = list[j];
          if (scope(s) !== scope(total)) break;
          if (s.subject === group.total && s.measure === total.measure) break;
          if (s.measure !== total.measure || !group.parts.includes(s.subject!) || parts.has(s.subject!)) continue;
          parts.set(s.subject!, s);
        }
        if (parts.size < 2) continue;
        const stated = [...parts.values()];
        // A part that contradicts its own cell is reported there (rule 21); the sum then
        // says nothing more, and quoting the total would blame a right number.
        if (!isCountGroup(total) && stated.some((s) => partContradictsTable(ctx, s))) continue;
        const isCount = total.kind === 'count';
        const sum = isCount ? stated.reduce((a, s) => a + s.value, 0) : roundHalfAway(stated.reduce((a, s) => a + roundHalfAway(s.value), 0));
        const complete = parts.size === group.parts.length;
        const diff = roundHalfAway(sum - total.value);
        // Each nonzero part may be off by its rounding; a single 0.01 is always 尾数差异.
        const bound = isCount ? 0 : Math.max(2, stated.filter((s) => s.value !== 0).length) * ctx.tolerance;
        const gap = complete ? Math.abs(diff) : diff;
        if (gap <= 1e-9) continue;
        const show = (x: number) => (isCount ? `${formatCount(x)}${total.unit}` : money(x));
        const terms = stated.map((s) => (isCount ? `${s.written}` : s.written)).join('+');
        const names = stated
          .map((s) => s.subjectText ?? '')
          .filter(Boolean)
          .join('、');
        const rounding = gap <= bound + 1e-9;
        ctx.report({
          severity: rounding ? 'rounding' : 'error',
          at: total,
          expected: complete ? show(sum) : undefined,
          cells: figureCells(ctx.figure(total.subject)),
          message: complete
            ? `文中合计${show(total.value)}，但所列各项（${names}）${terms}=${show(sum)}，相差${show(Math.abs(diff))}${rounding ? '（尾数差异）' : ''}（${sectionName(total.section)}）。`
            : `文中所列分项（${names}）之和${show(sum)}已超过文中合计${show(total.value)}（${sectionName(total.section)}）。`,
        });
      }
    }
  },
};
