import { TABLE_KEYS, type WorkbookModel } from '../../model/tables';
import type { Rule } from '../types';

/**
 * None of the nine tables found: one error for the whole workbook, not nine warnings.
 * A reviewer checking a folder of files must not see a wrong file (a payroll sheet,
 * last year's narrative saved as .xlsx) pass because nothing could be compared.
 */
const rule: Rule = {
  meta: {
    id: 'no-tables',
    description: '工作簿中没有找到任何公开01–09表',
    severity: 'error',
    tables: [],
    rulesMd: null,
  },
  check(ctx) {
    const message = noTablesMessage(ctx.model);
    if (message) ctx.report({ message, cells: [] });
  },
};

/** The message when the model holds none of the nine tables, else undefined (also used by the text check). */
export function noTablesMessage(model: WorkbookModel): string | undefined {
  if (TABLE_KEYS.some((k) => model.tables[k])) return undefined;
  const names = model.sheets ?? [];
  const sheets = names.length
    ? `工作表：${names.slice(0, 8).join('、')}${names.length > 8 ? ` 等 ${names.length} 张` : ''}`
    : '没有工作表';
  return `该文件中没有找到任何公开01–09表（${sheets}），未做任何校验。请确认选择的文件是否正确，或先插入报表模板。`;
}
export default rule;
