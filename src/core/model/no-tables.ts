import { TABLE_KEYS, type WorkbookModel } from './tables';

/** The message when the model holds none of the nine tables, else undefined (the table check and the text check both say it). */
export function noTablesMessage(model: WorkbookModel): string | undefined {
  if (TABLE_KEYS.some((k) => model.tables[k])) return undefined;
  const names = model.sheets ?? [];
  const sheets = names.length ? `工作表：${names.slice(0, 8).join('、')}${names.length > 8 ? ` 等 ${names.length} 张` : ''}` : '没有工作表';
  return `该文件中没有找到任何公开01–09表（${sheets}），未做任何校验。请确认选择的文件是否正确，或先插入报表模板。`;
}
