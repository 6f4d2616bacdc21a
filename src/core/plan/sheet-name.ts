/**
 * The sheet-name rule every host enforces (Excel, WPS and the .xlsx format refuse the
 * same names): one rule, one message.
 */
/** Why an Excel sheet name is invalid (empty, over 31 characters, \\ / ? * [ ] :, a quote at either end); null when fine. */
export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return '工作表名称不能为空';
  if (name.length > 31) return `工作表名称“${name}”超过 31 个字符`;
  if (/[\\/?*[\]:]/.test(name)) return `工作表名称“${name}”含有不允许的字符（\\ / ? * [ ] :）`;
  if (/^'|'$/.test(name)) return `工作表名称“${name}”不能以单引号开头或结尾`;
  return null;
}
