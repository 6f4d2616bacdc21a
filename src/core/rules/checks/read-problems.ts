import { TABLE_KEYS } from '../../model/tables';
import type { Rule } from '../types';

/** What the reader could not make sense of (ReadProblem), passed on as warnings. */
const rule: Rule = {
  meta: {
    id: 'read-problems',
    description: '读取表格时遇到的问题（表头、行列无法识别等）',
    severity: 'warning',
    tables: [...TABLE_KEYS],
    rulesMd: null,
  },
  check(ctx) {
    for (const p of ctx.model.problems) {
      ctx.report({ table: p.table, message: p.message, cells: p.cells });
    }
  },
};
export default rule;
