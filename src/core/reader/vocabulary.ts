/**
 * What the reader recognises, as data: table titles, header texts by column id, row
 * labels by line id, and the 26 functional classes (2021 catalogue). Patterns run on
 * matchKey() text: no spaces, half-width, () for （）, no quotation marks.
 */
import type { ColumnId, LineId, TableKey } from '../model/tables';

/**
 * Title patterns, most specific first: the first that matches a title cell wins.
 * A title may carry a prefix (year, unit name) and a bracketed suffix.
 * `notAfter`: the match must not directly follow one of these texts (what a regex
 * lookbehind `(?<!…)` would say — kept out of the regex because Safari before 16.4,
 * Excel for Mac's webview, rejects lookbehind when parsing the bundle). See titleMatches().
 */
export interface TitlePattern {
  key: TableKey;
  re: RegExp;
  notAfter?: string[];
}

export const TITLE_PATTERNS: TitlePattern[] = [
  { key: 'threePublic', re: /三公经费.*(决算|支出).*表$|三公.*决算表$/ },
  { key: 'gpbBasic', re: /基本支出(决算)?(明细)?表$/ },
  { key: 'gpbExpenditure', re: /一般公共预算财政拨款支出(决算)?(明细)?表$/ },
  { key: 'fiscalSummary', re: /财政拨款收入支出决算总表$/ },
  { key: 'govFund', re: /政府性基金预算财政拨款(收入)?(支出)?决算(明细)?表$/ },
  { key: 'stateCapital', re: /国有资本经营预算财政拨款(收入)?(支出)?决算(明细)?表$/ },
  { key: 'summary', re: /收入支出决算总表$/ },
  { key: 'income', re: /收入决算表$/, notAfter: ['财政拨款', '基金', '经营'] },
  { key: 'expenditure', re: /支出决算表$/, notAfter: ['项目', '基本', '财政拨款', '经费', '基金', '经营', '绩效'] },
];

/**
 * Whether a title key matches a pattern: its regex, and no `notAfter` text right before the
 * match (exactly the old lookbehind, as the patterns with notAfter match a fixed text at the end).
 */
export function titleMatches(p: TitlePattern, k: string): boolean {
  const m = p.re.exec(k);
  if (!m) return false;
  const before = k.slice(0, m.index);
  return !(p.notAfter ?? []).some((w) => before.endsWith(w));
}

/** Column header patterns by table, checked on a column's header texts from the lowest up. */
export interface ColumnSpec {
  id: ColumnId;
  re: RegExp;
}

const TOTAL_RE = /^(本年)?(收入|支出)?(合计|小计|总计)$|^本年(收入|支出)$/;

export const CLASSIFIED_COLUMNS: Partial<Record<TableKey, ColumnSpec[]>> = {
  income: [
    { id: 'total', re: /^(本年)?收入合计$|^合计$|^小计$/ },
    { id: 'fiscal', re: /^财政拨款(收入)?$/ },
    // 财政拨款收入 split by fund (some regions): one column per fund, with or without a 小计.
    { id: 'fiscal.gpb', re: /^一般公共预算(财政)?(拨款)?(收入)?$/ },
    { id: 'fiscal.govFund', re: /^政府性基金(预算)?(财政)?(拨款)?(收入)?$/ },
    { id: 'fiscal.stateCapital', re: /^国有资本经营(预算)?(财政)?(拨款)?(收入)?$/ },
    { id: 'superior', re: /^上级补助收入$/ },
    { id: 'business', re: /^事业收入$/ },
    { id: 'operating', re: /^经营收入$/ },
    { id: 'affiliated', re: /^附属单位上缴收入$/ },
    { id: 'other', re: /^其他收入$/ },
  ],
  expenditure: [
    { id: 'total', re: /^(本年)?支出合计$|^合计$|^小计$/ },
    { id: 'basic', re: /^基本支出$/ },
    { id: 'project', re: /^项目支出$/ },
    { id: 'toSuperior', re: /^上缴上级支出$/ },
    { id: 'operating', re: /^经营支出$/ },
    { id: 'toAffiliated', re: /^对附属单位补助支出$/ },
  ],
  gpbExpenditure: [
    { id: 'total', re: TOTAL_RE },
    { id: 'basic', re: /^基本支出$/ },
    { id: 'project', re: /^项目支出$/ },
  ],
  govFund: [
    { id: 'opening', re: /^年初结转(和|及)结余$/ },
    { id: 'income', re: /^本年收入$/ },
    { id: 'total', re: /^(本年)?(支出)?(合计|小计)$|^本年支出$/ },
    { id: 'basic', re: /^基本支出$/ },
    { id: 'project', re: /^项目支出$/ },
    { id: 'closing', re: /^年末结转(和|及)结余$/ },
  ],
  stateCapital: [
    { id: 'opening', re: /^年初结转(和|及)结余$/ },
    { id: 'income', re: /^本年收入$/ },
    { id: 'total', re: /^(本年)?(支出)?(合计|小计)$|^本年支出$/ },
    { id: 'basic', re: /^基本支出$/ },
    { id: 'project', re: /^项目支出$/ },
    { id: 'closing', re: /^年末结转(和|及)结余$/ },
  ],
};

/** Row labels that mean the table's total (合计) in classified tables. */
export const TOTAL_ROW_RE = /^(合计|总计|本年合计|支出合计|收入合计)$/;

/** 01 / 04 income-side labels (after stripOrdinal + matchKey). */
export const INCOME_LABELS: Array<{ id: LineId; re: RegExp }> = [
  { id: 'inc.gpb', re: /^一般公共预算财政拨款(收入)?$/ },
  { id: 'inc.govFund', re: /^政府性基金预算财政拨款(收入)?$/ },
  { id: 'inc.stateCapital', re: /^国有资本经营预算财政拨款(收入)?$/ },
  { id: 'inc.superior', re: /^上级补助收入$/ },
  { id: 'inc.business', re: /^事业收入$/ },
  { id: 'inc.operating', re: /^经营收入$/ },
  { id: 'inc.affiliated', re: /^附属单位上缴收入$/ },
  { id: 'inc.other', re: /^其他收入$/ },
  { id: 'inc.total', re: /^(本年)?收入合计$/ },
  { id: 'inc.useNonFiscalBalance', re: /^使用非财政拨款结余/ },
  { id: 'inc.opening', re: /^年初(财政拨款)?结转(和|及)结余$/ },
  { id: 'inc.grandTotal', re: /^(收入)?总计$/ },
];

/** 01 / 04 expense-side labels other than the functional classes. */
export const EXPENSE_LABELS: Array<{ id: LineId; re: RegExp }> = [
  { id: 'exp.total', re: /^(本年)?支出合计$/ },
  { id: 'exp.balanceDistribution', re: /^结余分配$/ },
  { id: 'exp.closing', re: /^年末(财政拨款)?结转(和|及)结余$/ },
  { id: 'exp.grandTotal', re: /^(支出)?总计$/ },
];

/** The three funds, for the rows under 年初/年末财政拨款结转和结余 in 04. */
export const FUND_LABELS: Array<{ fund: 'gpb' | 'govFund' | 'stateCapital'; re: RegExp }> = [
  { fund: 'gpb', re: /^一般公共预算(财政拨款)?(收入)?$/ },
  { fund: 'govFund', re: /^政府性基金预算(财政拨款)?(收入)?$/ },
  { fund: 'stateCapital', re: /^国有资本经营预算(财政拨款)?(收入)?$/ },
];

/** 04 expense-side amount columns. */
export const FISCAL_EXPENSE_COLUMNS: ColumnSpec[] = [
  { id: 'total', re: /^(合计|小计|决算数合计)$/ },
  { id: 'gpb', re: /^一般公共预算(财政拨款)?$/ },
  { id: 'govFund', re: /^政府性基金预算(财政拨款)?$/ },
  { id: 'stateCapital', re: /^国有资本经营预算(财政拨款)?$/ },
];

/** Amount column headers of 01/04's single-amount sides and of 06. */
export const AMOUNT_HEADER_RE = /^(金额|决算数|本年决算数?|本年数|本年金额|合计|决算金额)$/;

/** 07 items, checked in this order (购置及运行 before 购置 / 运行). */
export const THREE_PUBLIC_ITEMS: ColumnSpec[] = [
  { id: 'carTotal', re: /公务用车购置及运行/ },
  { id: 'abroad', re: /因公出国/ },
  { id: 'carPurchase', re: /购置费$/ },
  { id: 'carOperation', re: /运行(\(维护\)|维护)?费$/ },
  { id: 'reception', re: /公务接待费/ },
  { id: 'total', re: /^(合计|三公经费合计|总计)$/ },
];
export const THREE_PUBLIC_BUDGET_RE = /预算数?$|^预算/;
export const THREE_PUBLIC_ACTUAL_RE = /决算数?$|^决算|^实际支出/;

/** The 26 functional classes of the 2021 catalogue (functional-classes-2021.json). */
export const FUNCTIONAL_CLASSES: Array<{ code: string; name: string }> = [
  { code: '201', name: '一般公共服务支出' },
  { code: '202', name: '外交支出' },
  { code: '203', name: '国防支出' },
  { code: '204', name: '公共安全支出' },
  { code: '205', name: '教育支出' },
  { code: '206', name: '科学技术支出' },
  { code: '207', name: '文化旅游体育与传媒支出' },
  { code: '208', name: '社会保障和就业支出' },
  { code: '210', name: '卫生健康支出' },
  { code: '211', name: '节能环保支出' },
  { code: '212', name: '城乡社区支出' },
  { code: '213', name: '农林水支出' },
  { code: '214', name: '交通运输支出' },
  { code: '215', name: '资源勘探工业信息等支出' },
  { code: '216', name: '商业服务业等支出' },
  { code: '217', name: '金融支出' },
  { code: '219', name: '援助其他地区支出' },
  { code: '220', name: '自然资源海洋气象等支出' },
  { code: '221', name: '住房保障支出' },
  { code: '222', name: '粮油物资储备支出' },
  { code: '223', name: '国有资本经营预算支出' },
  { code: '224', name: '灾害防治及应急管理支出' },
  { code: '229', name: '其他支出' },
  { code: '231', name: '债务还本支出' },
  { code: '232', name: '债务付息支出' },
  { code: '234', name: '抗疫特别国债安排的支出' },
];

/** Older names of classes still seen in files (mapped to today's codes). */
export const CLASS_ALIASES: Array<{ code: string; name: string }> = [
  { code: '207', name: '文化体育与传媒支出' },
  { code: '210', name: '医疗卫生与计划生育支出' },
  { code: '210', name: '医疗卫生支出' },
  { code: '215', name: '资源勘探信息等支出' },
  { code: '220', name: '国土海洋气象等支出' },
];
