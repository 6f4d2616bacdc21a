import { roundHalfAway, type FigureId } from '../figures';
import type { InputKey } from '../inputs/fields';
import type { WorkbookModel } from '../model/tables';
import { parseNarrative, vocabularyFromModel } from '../narrative/parse';
import type { LastYearProblem, PriorFigure } from './types';

/**
 * Figures the tables do not hold, taken from last year's published 情况说明: the
 * amount or count a statement gives for its subject (机关运行经费, 政府采购, vehicles,
 * "三公" counts; the "三公" items too when last year's tables have no 三公 table).
 *
 * Uses only the narrative parser's public entry points (parseNarrative,
 * vocabularyFromModel) and these Statement fields: kind, subject, measure, inReason,
 * role, value, start, end, quote.
 *
 * A subject stated twice with different values is a conflict: reported, not taken.
 */

interface TextTarget {
  label: string;
  unit: '万元' | 'count';
  countUnit?: string;
  key?: InputKey;
}

export const TEXT_TARGETS: Record<FigureId, TextTarget> = {
  operatingCost: { label: '上年机关运行经费', unit: '万元', key: 'prior.operatingCost' },
  'procurement.total': { label: '上年政府采购支出总额', unit: '万元' },
  'procurement.goods': { label: '上年政府采购货物支出', unit: '万元' },
  'procurement.works': { label: '上年政府采购工程支出', unit: '万元' },
  'procurement.services': { label: '上年政府采购服务支出', unit: '万元' },
  'procurement.sme': { label: '上年授予中小企业合同金额', unit: '万元' },
  'procurement.small': { label: '上年授予小微企业合同金额', unit: '万元' },
  'assets.vehicles': { label: '上年末车辆总数', unit: 'count', countUnit: '辆' },
  'threePublic.car.fleet': { label: '上年末公务用车保有量', unit: 'count', countUnit: '辆' },
  'threePublic.car.purchased': { label: '上年购置（更新）公务用车数量', unit: 'count', countUnit: '辆' },
  'threePublic.abroad.groups': { label: '上年因公出国（境）团组数', unit: 'count', countUnit: '个' },
  'threePublic.abroad.persons': { label: '上年因公出国（境）人次', unit: 'count', countUnit: '人次' },
  'threePublic.reception.batches': { label: '上年国内公务接待批次', unit: 'count', countUnit: '个' },
  'threePublic.reception.persons': { label: '上年国内公务接待人次', unit: 'count', countUnit: '人次' },
};

/** The "三公" items, taken from the text only when last year's tables have no 三公 table. */
export const TEXT_THREE_PUBLIC: Record<FigureId, TextTarget> = {
  'threePublic.abroad': { label: '上年因公出国（境）费', unit: '万元', key: 'prior.threePublic.abroad' },
  'threePublic.carPurchase': { label: '上年公务用车购置费', unit: '万元', key: 'prior.threePublic.carPurchase' },
  'threePublic.carOperation': { label: '上年公务用车运行维护费', unit: '万元', key: 'prior.threePublic.carOperation' },
  'threePublic.reception': { label: '上年公务接待费', unit: '万元', key: 'prior.threePublic.reception' },
};

export const FROM_TEXT_NOTE = '取自上年情况说明';

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** Last year's figures stated in its 情况说明, for the given targets. */
export function figuresFromText(
  text: string,
  lastModel: WorkbookModel | undefined,
  targets: Record<FigureId, TextTarget>,
): { figures: PriorFigure[]; problems: LastYearProblem[] } {
  const parsed = parseNarrative(text, vocabularyFromModel(lastModel));
  const found = new Map<FigureId, Array<{ value: number; quote: string; start: number; end: number }>>();
  for (const st of parsed.statements) {
    if (!st.subject || !(st.subject in targets)) continue;
    if (st.inReason || st.role === 'denominator' || st.measure !== 'actual') continue;
    const target = targets[st.subject];
    if (target.unit === 'count' ? st.kind !== 'count' : st.kind !== 'amount') continue;
    const list = found.get(st.subject) ?? [];
    list.push({ value: target.unit === 'count' ? Math.round(st.value) : roundHalfAway(st.value), quote: st.quote, start: st.start, end: st.end });
    found.set(st.subject, list);
  }
  const figures: PriorFigure[] = [];
  const problems: LastYearProblem[] = [];
  for (const [id, target] of Object.entries(targets)) {
    const list = found.get(id);
    if (!list?.length) continue;
    const values = [...new Set(list.map((x) => x.value))];
    if (values.length > 1) {
      problems.push({
        message: `上年情况说明中“${target.label.replace(/^上年末?/, '')}”有不同的数字（${list.map((x) => `第${lineOf(text, x.start)}行“${x.quote}”`).join('、')}），无法确定取哪一个，未采用。`,
        cells: [],
      });
      continue;
    }
    const first = list[0];
    figures.push({
      id,
      label: target.label,
      value: first.value,
      unit: target.unit,
      countUnit: target.countUnit,
      key: target.key,
      origin: { kind: 'text', quote: first.quote, start: first.start, end: first.end, line: lineOf(text, first.start) },
      note: FROM_TEXT_NOTE,
    });
  }
  return { figures, problems };
}
