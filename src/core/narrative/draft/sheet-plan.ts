import type { CellWrite, SheetPlan } from '../../plan/sheet-plan';
import type { NarrativeDraft } from './types';

export const NARRATIVE_SHEET_NAME = '情况说明';

/** The whole draft as plain text: "一、title" then the section's paragraphs. */
export function narrativeText(draft: NarrativeDraft): string {
  const head = draft.year !== undefined ? `${draft.year}年度部门决算情况说明` : '部门决算情况说明';
  return [head, ...draft.sections.map((s) => `${s.id}、${s.title}\n${s.text}`)].join('\n');
}

/**
 * A sheet 情况说明 holding the draft: column A, one paragraph per row (titles bold),
 * then the list of what is still to fill. Every cell is a string constant written
 * as text (numberFormat "@"), and never a formula, even when a line starts with
 * = + - or @ (CellWrite.value strings are text by contract; no `formula` is set).
 */
export function narrativeSheetPlan(draft: NarrativeDraft, name = NARRATIVE_SHEET_NAME): SheetPlan {
  const cells: CellWrite[] = [];
  let row = 0;
  const put = (value: string, style: string) => cells.push({ row: row++, col: 0, value, style });
  put(draft.year !== undefined ? `${draft.year}年度部门决算情况说明` : '部门决算情况说明', 'title');
  for (const s of draft.sections) {
    put(`${s.id}、${s.title}`, 'heading');
    for (const p of s.text.split('\n')) put(p, /^（[一二三四]）/.test(p) ? 'subheading' : 'body');
  }
  if (draft.todo.length) {
    row++;
    put('待补充事项（生成情况说明时未能取得，请在补充信息表填写后重新生成）：', 'heading');
    draft.todo.forEach((t, i) => put(`${i + 1}. ${t}`, 'todo'));
  }
  return {
    name,
    cells,
    merges: [],
    styles: {
      title: { bold: true, fontSize: 16, horizontal: 'center', numberFormat: '@' },
      heading: { bold: true, fontSize: 12, numberFormat: '@', wrap: true },
      subheading: { bold: true, numberFormat: '@', wrap: true },
      body: { wrap: true, vertical: 'top', numberFormat: '@' },
      todo: { wrap: true, vertical: 'top', numberFormat: '@', fill: '#FFF2CC' },
    },
    columnWidths: [110],
    print: { orientation: 'portrait', paperSize: 'A4', fitToWidth: true },
  };
}
