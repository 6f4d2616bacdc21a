import { noTablesMessage } from '../../model/no-tables';
import { computeFigures } from '../../figures/compute';
import type { Figure, FigureId, Figures } from '../../figures/types';
import { emptyInputs, type Inputs } from '../../inputs/types';
import type { WorkbookModel } from '../../model/tables';
import { parseNarrative } from '../parse/parse';
import type { ParsedNarrative } from '../parse/types';
import { vocabularyFromModel } from '../parse/vocabulary';
import { rule as amountMatchesTable } from './rules/text-amount-matches-table';
import { rule as completionRate } from './rules/text-completion-rate';
import { rule as partsAddUp } from './rules/text-parts-add-up';
import { rule as sameQuantity } from './rules/text-same-quantity';
import { rule as shareDenominator } from './rules/text-share-denominator';
import { rule as templateLeftover } from './rules/text-template-leftover';
import { rule as yearOnYear } from './rules/text-year-on-year';
import { sectionName } from './support';
import type { NarrativeContext, NarrativeRule, TextFinding, VerifyOptions } from './types';

export * from './types';
export { sectionName } from './support';

/** Rules 21–27, in docs/domain/rules.md order. */
export const narrativeRules: readonly NarrativeRule[] = [amountMatchesTable, shareDenominator, completionRate, yearOnYear, templateLeftover, partsAddUp, sameQuantity];

const DEFAULT_TOLERANCE = 0.005;

/** Run narrative rules over a parsed text. Findings in text order (errors first at one place). */
export function runNarrativeRules(narrative: ParsedNarrative, figures: Figures, model: WorkbookModel, inputs: Inputs, options: VerifyOptions = {}): TextFinding[] {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`尾数容差必须是不小于 0 的数，收到：${String(options.tolerance)}`);
  }
  const findings: TextFinding[] = [];
  const figure = inTenThousands(figures, model);
  for (const rule of options.rules ?? narrativeRules) {
    const context: NarrativeContext = {
      narrative,
      figures,
      model,
      inputs,
      tolerance,
      figure,
      report(r) {
        let start: number;
        let end: number;
        let section = undefined as string | undefined;
        if ('kind' in r.at) {
          const st = r.at;
          const useWord = r.word && st.wordStart !== undefined && st.wordEnd !== undefined;
          start = useWord ? st.wordStart! : st.start;
          end = useWord ? st.wordEnd! : st.end;
          section = sectionName(st.section);
        } else {
          start = r.at.start;
          end = r.at.end;
          if ('section' in r.at) section = sectionName((r.at as { section: ParsedNarrative['sections'][number] }).section);
        }
        findings.push({
          rule: rule.meta.id,
          // 无法核对 is its own severity, never a 提示 (shown apart, collapsed, last).
          severity: r.unverified ? 'unverified' : (r.severity ?? rule.meta.severity),
          message: r.message,
          cells: r.cells ?? [],
          quote: narrative.original.slice(start, end),
          expected: r.expected,
          start,
          end,
          section,
          unverified: r.unverified || undefined,
        });
      },
    };
    try {
      rule.check(context);
    } catch (e) {
      findings.push({
        rule: rule.meta.id,
        severity: 'warning',
        message: `校验规则“${rule.meta.description}”运行出错，已跳过：${e instanceof Error ? e.message : String(e)}`,
        cells: [],
        quote: '',
        start: 0,
        end: 0,
      });
    }
  }
  const rank = { error: 0, warning: 1, rounding: 2, unverified: 3 } as const;
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => a.f.start - b.f.start || rank[a.f.severity] - rank[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/**
 * Figures in 万元, as the text states them: a table kept in 元 (金额单位：元) gives
 * figures in 元, which are divided by 10 000 here (shares and rates are unitless).
 */
function inTenThousands(figures: Figures, model: WorkbookModel): (id: FigureId | undefined) => Figure | undefined {
  const yuanSheets = new Set(
    Object.values(model.tables)
      .filter((t) => t && t.moneyUnit === '元')
      .map((t) => t.sheet),
  );
  const cache = new Map<FigureId, Figure | undefined>();
  return (id) => {
    if (!id) return undefined;
    if (cache.has(id)) return cache.get(id);
    let f = figures.get(id);
    if (f && yuanSheets.size && f.unit === '万元' && f.cells.length && f.cells.every((c) => yuanSheets.has(c.sheet))) {
      f = { ...f, value: f.value / 10000 };
    }
    cache.set(id, f);
    return f;
  };
}

/**
 * Check a 情况说明 against a workbook model and its 补充信息 inputs (pure; what the CLI
 * calls). Without inputs, figures that need them are reported as 无法核对.
 */
export function verifyText(model: WorkbookModel, inputs: Inputs | undefined, text: string, options: VerifyOptions = {}): TextFinding[] {
  // No table at all: one error for the file, not a warning for every figure in the text.
  const none = noTablesMessage(model);
  if (none) return [{ rule: 'no-tables', severity: 'error', message: none, cells: [], quote: '', start: 0, end: 0 }];
  const ins = inputs ?? emptyInputs();
  const figures = computeFigures(model, ins);
  const narrative = parseNarrative(text, vocabularyFromModel(model));
  return runNarrativeRules(narrative, figures, model, ins, options);
}
