import { parseArgs } from 'util';
import type { CellRef } from '../../core/cells';
import { HostError } from '../../core/host';
import { stated } from '../../core/figures/format';
import type { Figures } from '../../core/figures/types';
import { narrativeText } from '../../core/narrative/draft';
import { draftNarrativeDetail, type NarrativeDraft } from '../../core/workflows/draft-narrative';
import { CliError, EXIT, type Io } from '../io';
import { LAST_YEAR_HELP, LAST_YEAR_OPTIONS, loadLastYear } from '../last-year';
import { readText } from './verify-text';
import { draftWithLastYear, lastYearLines, type LastYearImport, type LastYearSource } from '../../core/workflows/import-last-year';
import { openForReading } from '../open';

/** `juesuan narrate --json` prints this (a public contract). */
export interface JsonNarrative {
  sections: Array<{ id: string; title: string; text: string; figures: Array<{ id: string; value: number | string | null; cells: CellRef[] }> }>;
  todo: string[];
}

export const NARRATE_HELP = `用法：juesuan narrate 工作簿.xlsx [--json] [--last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]]

根据公开01–09表和“补充信息”表起草部门决算情况说明。
  --json  输出 {sections:[{id, title, text, figures:[{id, value, cells}]}], todo}
${LAST_YEAR_HELP}`;

/** The draft as `narrate --json` prints it: each figure with its value as the text states it. */
export function toJsonNarrative(draft: NarrativeDraft, figures: Figures): JsonNarrative {
  return {
    sections: draft.sections.map((s) => ({
      id: s.id,
      title: s.title,
      text: s.text,
      figures: s.figures.map((f) => {
        const fig = figures.get(f.figureId);
        return {
          id: f.figureId,
          value: fig ? stated(fig) : null,
          cells: f.cells.map((c) => ({ sheet: c.sheet, address: c.address })),
        };
      }),
    })),
    todo: [...draft.todo],
  };
}

/** Draft the narrative of a workbook file: the draft, and its JSON form. */
export async function draftFromFile(file: string, lastYear?: LastYearSource): Promise<{ draft: NarrativeDraft; json: JsonNarrative; lastYear?: LastYearImport }> {
  const { host } = await openForReading(file);
  if (lastYear) {
    const { draft, figures, plan } = await draftWithLastYear(host, lastYear);
    return { draft, json: toJsonNarrative(draft, figures), lastYear: plan };
  }
  const { draft, figures } = await draftNarrativeDetail(host);
  return { draft, json: toJsonNarrative(draft, figures) };
}

/** The plain text ready for Word (the core's), then what is still to fill. */
export function narrativeLines(draft: NarrativeDraft): string[] {
  const lines = narrativeText(draft).split('\n');
  if (draft.todo.length) {
    lines.push('', '【待补充】');
    draft.todo.forEach((t, i) => lines.push(`  ${i + 1}. ${t}`));
  }
  return lines;
}

export async function narrateCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false }, ...LAST_YEAR_OPTIONS },
  });
  if (values.help) {
    io.out(NARRATE_HELP);
    return EXIT.ok;
  }
  const file = positionals[0];
  if (!file) throw new CliError(`缺少工作簿文件名。\n${NARRATE_HELP}`);
  const lastYear = await loadLastYear(values, readText);
  let result: Awaited<ReturnType<typeof draftFromFile>>;
  try {
    result = await draftFromFile(file, lastYear);
  } catch (e) {
    if (e instanceof HostError) throw new CliError(e.message);
    throw e;
  }
  const lastYearText = result.lastYear ? ['【上年数】', ...lastYearLines(result.lastYear, { mode: 'used' })] : [];
  if (values.json) {
    io.out(JSON.stringify(result.json, null, 2));
    if (lastYearText.length) io.err(lastYearText.join('\n'));
  } else io.out([...narrativeLines(result.draft), ...(lastYearText.length ? ['', ...lastYearText] : [])].join('\n'));
  return EXIT.ok;
}
