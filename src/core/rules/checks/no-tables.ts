import { noTablesMessage } from '../../model/no-tables';
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

export default rule;
