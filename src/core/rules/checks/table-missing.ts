import { TABLE_KEYS, TABLE_NAMES } from '../../model/tables';
import type { Rule } from '../types';

/** Tables the reader looked for and did not find: once each, so the user knows what was not checked. */
const rule: Rule = {
  meta: {
    id: 'table-missing',
    description: '未找到的公开表（相关校验已跳过）',
    severity: 'warning',
    tables: [...TABLE_KEYS],
    rulesMd: null,
  },
  check(ctx) {
    // With no table at all, `no-tables` says so once instead.
    if (!TABLE_KEYS.some((k) => ctx.model.tables[k])) return;
    for (const key of ctx.model.missing) {
      if (ctx.table(key)) continue;
      ctx.report({
        table: key,
        message: `未找到公开${ctx.tableLabel(key)}（${TABLE_NAMES[key]}），与该表有关的校验已跳过`,
        cells: [],
      });
    }
  },
};
export default rule;
