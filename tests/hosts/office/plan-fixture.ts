import type { CellWrite, SheetPlan } from '../../../src/core/plan/sheet-plan';

/**
 * A SheetPlan shaped like the seed's 公开03表 (支出决算表, 株洲市石峰区机关事务服务中心
 * 2021): title, 公开NN表 label, unit line, two header rows, 栏次 row, the 合计 row
 * with SUM formulas, and functional-code rows (codes as text: "2010301").
 */
const ROWS: [string, string, (number | null)[]][] = [
  ['201', '一般公共服务支出', [1256.53, 335.54, 920.99]],
  ['20103', '政府办公厅（室）及相关机构事务', [1252.01, 335.54, 916.47]],
  ['2010301', '行政运行', [335.54, 335.54, null]],
  ['2010302', '一般行政管理事务', [634.31, null, 634.31]],
  ['2010399', '其他政府办公厅（室）及相关机构事务支出', [282.16, null, 282.16]],
  ['20199', '其他一般公共服务支出', [4.52, null, 4.52]],
  ['2019999', '其他一般公共服务支出', [4.52, null, 4.52]],
  ['210', '卫生健康支出', [100, null, 100]],
  ['21004', '公共卫生', [100, null, 100]],
  ['2100410', '突发公共卫生事件应急处理', [100, null, 100]],
  ['212', '城乡社区支出', [50, null, 50]],
  ['21201', '城乡社区管理事务', [50, null, 50]],
  ['2120199', '其他城乡社区管理事务支出', [50, null, 50]],
  ['229', '其他支出', [67.54, null, 67.54]],
  ['22999', '其他支出', [67.54, null, 67.54]],
  ['2299999', '其他支出', [67.54, null, 67.54]],
];

export function tablePlan(name: string, title: string): SheetPlan {
  const cells: CellWrite[] = [];
  const put = (row: number, col: number, v: Partial<CellWrite>) => cells.push({ row, col, ...v });
  put(0, 0, { value: title, style: 'title' });
  put(1, 7, { value: name, style: 'right' });
  put(2, 0, { value: '部门：株洲市石峰区机关事务服务中心', style: 'text' });
  put(2, 7, { value: '金额单位：万元', style: 'right' });
  const heads = ['项目', '', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'];
  heads.forEach((h, c) => put(3, c, { value: h, style: 'head' }));
  put(4, 0, { value: '功能分类科目编码', style: 'head' });
  put(4, 1, { value: '科目名称', style: 'head' });
  put(5, 1, { value: '栏次', style: 'head' });
  for (let c = 2; c < 8; c++) put(5, c, { value: String(c - 1), style: 'head' });
  put(6, 1, { value: '合计', style: 'head' });
  const first = 7;
  const last = first + ROWS.length - 1;
  for (let c = 2; c < 8; c++) {
    const L = String.fromCharCode(65 + c);
    put(6, c, { formula: `=SUMPRODUCT((LEN($A$${first + 1}:$A$${last + 1})=3)*${L}${first + 1}:${L}${last + 1})`, style: 'money' });
  }
  ROWS.forEach(([code, label, vals], i) => {
    const r = first + i;
    put(r, 0, { value: code, style: 'code' });
    put(r, 1, { value: label, style: 'text' });
    vals.forEach((v, j) => put(r, 2 + j, { value: v, style: 'money' }));
    for (let c = 5; c < 8; c++) put(r, c, { value: null, style: 'money' });
  });
  put(last + 1, 0, { value: '注：本表反映部门本年度各项支出情况。', style: 'text' });
  return {
    name,
    cells,
    merges: [
      { top: 0, left: 0, bottom: 0, right: 7 },
      { top: 3, left: 0, bottom: 3, right: 1 },
    ],
    styles: {
      title: { bold: true, fontSize: 16, horizontal: 'center' },
      right: { horizontal: 'right' },
      text: { horizontal: 'left' },
      head: { bold: true, horizontal: 'center', vertical: 'middle', wrap: true, border: true },
      code: { horizontal: 'left', border: true },
      money: { numberFormat: '#,##0.00', horizontal: 'right', border: true },
    },
    columnWidths: [14, 36, 14, 14, 14, 14, 14, 16],
    rowHeights: { 0: 28 },
    freeze: { rows: 7, cols: 2 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: [3, 5] },
  };
}

export const NINE = [
  ['公开01表', '收入支出决算总表'],
  ['公开02表', '收入决算表'],
  ['公开03表', '支出决算表'],
  ['公开04表', '财政拨款收入支出决算总表'],
  ['公开05表', '一般公共预算财政拨款支出决算表'],
  ['公开06表', '一般公共预算财政拨款基本支出决算明细表'],
  ['公开07表', '财政拨款"三公"经费支出决算表'],
  ['公开08表', '政府性基金预算财政拨款收入支出决算表'],
  ['公开09表', '国有资本经营预算财政拨款支出决算表'],
];

export function ninePlans(): SheetPlan[] {
  return NINE.map(([n, t]) => tablePlan(n, t));
}
