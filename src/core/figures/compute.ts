import type { CellRef } from '../cells';
import { amount, line, type Amount, type ColumnId, type Line, type TableModel, type WorkbookModel } from '../model/tables';
import type { InputKey } from '../inputs/fields';
import { inputCell, inputNumber, type Inputs } from '../inputs/types';
import { percentOf, roundHalfAway } from './format';
import FUNCTIONAL_CLASSES_JSON from '../catalog/functional-classes-2021.json';

const FUNCTIONAL_CLASSES: Array<{ code: string; name: string }> = FUNCTIONAL_CLASSES_JSON;
import { editionFor, type Edition, type ThreePublicNames } from '../editions';
import type { Figure, FigureBase, FigureId, FigureKind, Figures } from './types';

/**
 * computeFigures(model, inputs) → Figures: every quantity the 情况说明 states,
 * with its cells. Pure. See types.ts for the id scheme.
 *
 * Amounts entering a division or a difference are first rounded to two decimals,
 * so every share, rate and change recomputes from the numbers the text states.
 */
export function computeFigures(model: WorkbookModel, inputs: Inputs, options: { edition?: string } = {}): Figures {
  const b = new FigureBuilder();
  const t = model.tables;

  const yearValue = inputNumber(inputs, 'year');
  const year = yearValue !== undefined && yearValue > 1900 ? Math.round(yearValue) : undefined;
  const edition = editionFor({ edition: options.edition, detected: model.edition, year });

  // 一 收、支总计 (01 总计)
  const summaryTotal = usable(amount(t.summary, 'inc.grandTotal', 'amount')) ?? usable(amount(t.summary, 'exp.grandTotal', 'amount'));
  if (summaryTotal) {
    b.amount('summary.total', '收、支总计', summaryTotal);
    b.yearOnYear('summary.total', '收、支总计', inputs, 'prior.summaryTotal');
  }

  // 二 收入
  const incomeTotal = usable(amount(t.income, 'total', 'total')) ?? usable(amount(t.summary, 'inc.total', 'amount'));
  if (incomeTotal) {
    b.amount('income.total', '本年收入合计', incomeTotal);
    const incomeFallback: Partial<Record<IncomeItem, string>> = {
      superior: 'inc.superior',
      business: 'inc.business',
      operating: 'inc.operating',
      affiliated: 'inc.affiliated',
      other: 'inc.other',
    };
    for (const [col, label] of INCOME_ITEMS) {
      let a: FigureValue | undefined = usable(amount(t.income, 'total', col));
      if (!a && !t.income && incomeFallback[col]) a = usable(amount(t.summary, incomeFallback[col], 'amount'));
      if (!a && !t.income && col === 'fiscal') a = sumAmounts(t.summary, ['inc.gpb', 'inc.govFund', 'inc.stateCapital'], 'amount');
      b.amount(`income.${col}`, label, a ?? zeroAmount());
      b.share(`income.${col}`, 'income.total', `${label}占本年收入合计的比重`);
    }
  }

  // 三 支出
  const expTotal = usable(amount(t.expenditure, 'total', 'total')) ?? usable(amount(t.summary, 'exp.total', 'amount'));
  if (expTotal) {
    b.amount('expenditure.total', '本年支出合计', expTotal);
    for (const [col, label] of EXPENDITURE_ITEMS) {
      b.amount(`expenditure.${col}`, label, usable(amount(t.expenditure, 'total', col)) ?? zeroAmount());
      b.share(`expenditure.${col}`, 'expenditure.total', `${label}占本年支出合计的比重`);
    }
  }

  // 四 财政拨款收、支总计 (04 总计)
  const fiscalTotal = usable(amount(t.fiscalSummary, 'inc.grandTotal', 'amount')) ?? usable(amount(t.fiscalSummary, 'exp.grandTotal', 'total'));
  if (fiscalTotal) {
    b.amount('fiscal.total', '财政拨款收、支总计', fiscalTotal);
    b.yearOnYear('fiscal.total', '财政拨款收、支总计', inputs, 'prior.fiscalTotal');
  }

  // 五 一般公共预算财政拨款支出 (05)
  const gpb = t.gpbExpenditure;
  const gpbTotal = usable(amount(gpb, 'total', 'total'));
  if (gpb && gpbTotal) {
    b.amount('gpb.total', '一般公共预算财政拨款支出', gpbTotal);
    b.share('gpb.total', 'expenditure.total', '一般公共预算财政拨款支出占本年支出合计的比重');
    b.yearOnYear('gpb.total', '一般公共预算财政拨款支出', inputs, 'prior.gpbTotal');
    b.amount('gpb.basic', '一般公共预算财政拨款基本支出', usable(amount(gpb, 'total', 'basic')) ?? zeroAmount());
    b.amount('gpb.project', '一般公共预算财政拨款项目支出', usable(amount(gpb, 'total', 'project')) ?? zeroAmount());
    for (const l of gpb.lines) {
      if (l.level !== 'class' || !l.code) continue;
      const a = usable(l.values.total);
      if (!a || roundHalfAway(a.value) === 0) continue;
      b.amount(`gpb.class.${l.code}`, `${className(l.label)}（类）`, a);
      b.share(`gpb.class.${l.code}`, 'gpb.total', `${className(l.label)}（类）占一般公共预算财政拨款支出的比重`);
    }
    // Per-项 budget vs actual.
    const budgetByCode = new Map(inputs.budgets.map((x) => [x.code, x]));
    let budgetSum = 0;
    const budgetCells: CellRef[] = [];
    let anyBudget = false;
    const itemCodes = new Set<string>();
    let missingBudget = false;
    for (const l of gpb.lines) {
      if (l.level !== 'item' || !l.code) continue;
      const a = usable(l.values.total);
      const bl = budgetByCode.get(l.code);
      const hasMoney = !!a && roundHalfAway(a.value) !== 0;
      const hasBudget = !!bl && bl.budget !== null && roundHalfAway(bl.budget) !== 0;
      if (!hasMoney && !hasBudget) continue;
      itemCodes.add(l.code);
      if (!bl || bl.budget === null) missingBudget = true;
      const id: FigureBase = `gpb.item.${l.code}`;
      b.amount(id, itemPath(l.code, [gpb, t.expenditure, t.income], l.label), a ?? zeroAmount(l.values.total?.cell));
      if (bl && bl.budget !== null) {
        b.add({
          id: `${id}.budget`,
          label: `${itemPath(l.code, [gpb, t.expenditure, t.income], l.label)}年初预算数`,
          value: bl.budget,
          unit: '万元',
          kind: 'budget',
          cells: [],
          inputs: bl.cells.budget ? [bl.cells.budget] : [],
          base: id,
        });
        b.budgetDerived(id, itemPath(l.code, [gpb, t.expenditure, t.income], l.label));
      }
    }
    for (const bl of inputs.budgets) {
      if (bl.budget === null) continue;
      anyBudget = true;
      budgetSum = roundHalfAway(budgetSum + roundHalfAway(bl.budget));
      if (bl.cells.budget) budgetCells.push(bl.cells.budget);
      // A budget given for a 项 the 05 table does not have (spent nothing there).
      if (!itemCodes.has(bl.code) && roundHalfAway(bl.budget) !== 0 && /^\d{7}$/.test(bl.code)) {
        const id: FigureBase = `gpb.item.${bl.code}`;
        const path = itemPath(bl.code, [gpb, t.expenditure, t.income], bl.name);
        b.add({ id, label: path, value: 0, unit: '万元', kind: 'amount', cells: [], inputs: [] });
        b.add({
          id: `${id}.budget`,
          label: `${path}年初预算数`,
          value: bl.budget,
          unit: '万元',
          kind: 'budget',
          cells: [],
          inputs: bl.cells.budget ? [bl.cells.budget] : [],
          base: id,
        });
        b.budgetDerived(id, path);
      }
    }
    // The total 年初预算 only when every 项 with money has its budget given.
    if (anyBudget && !missingBudget) {
      b.add({
        id: 'gpb.total.budget',
        label: '一般公共预算财政拨款支出年初预算数',
        value: budgetSum,
        unit: '万元',
        kind: 'budget',
        cells: [],
        inputs: budgetCells,
        base: 'gpb.total',
      });
      b.budgetDerived('gpb.total', '一般公共预算财政拨款支出');
    }
  }

  // 六 基本支出 (05 basic; 06 人员经费 / 公用经费)
  const basic06 = t.gpbBasic;
  const personnel = usable(amount(basic06, 'personnelTotal', 'amount'));
  const pub = usable(amount(basic06, 'publicTotal', 'amount'));
  const basicTotal =
    (gpb ? usable(amount(gpb, 'total', 'basic')) : undefined) ??
    (personnel && pub ? { value: roundHalfAway(personnel.value + pub.value), cells: [personnel.cell, pub.cell] } : undefined);
  if (basicTotal) {
    b.amount('basic.total', '一般公共预算财政拨款基本支出', basicTotal);
  }
  if (basic06) {
    b.amount('basic.personnel', '人员经费', personnel ?? sumAmountsOf(basic06, (c) => c === '301' || c === '303'));
    b.amount('basic.public', '公用经费', pub ?? sumAmountsOf(basic06, (c) => ['302', '307', '309', '310', '399'].includes(c)));
    if (basicTotal) {
      b.share('basic.personnel', 'basic.total', '人员经费占基本支出的比重');
      b.share('basic.public', 'basic.total', '公用经费占基本支出的比重');
    }
    for (const l of basic06.lines) {
      if (!l.code || !/^\d{3}(\d{2})?$/.test(l.code)) continue;
      const a = usable(l.values.amount);
      if (!a || roundHalfAway(a.value) === 0) continue;
      b.amount(`basic.econ.${l.code}`, cleanName(l.label), a);
    }
  }

  // 七 三公 (07)
  const tp = t.threePublic;
  if (tp) {
    const actual = line(tp, 'actual');
    const budget = line(tp, 'budget');
    const tpBudgetInput: Partial<Record<string, InputKey>> = {
      abroad: 'budget.threePublic.abroad',
      carPurchase: 'budget.threePublic.carPurchase',
      carOperation: 'budget.threePublic.carOperation',
      reception: 'budget.threePublic.reception',
    };
    const tpPrior: Partial<Record<string, InputKey>> = {
      abroad: 'prior.threePublic.abroad',
      carPurchase: 'prior.threePublic.carPurchase',
      carOperation: 'prior.threePublic.carOperation',
      reception: 'prior.threePublic.reception',
    };
    const budgetRowBlank = !budget || Object.values(budget.values).every((a) => !a || a.blank);
    const itemAmount = (row: Line | undefined, col: string): Amount | undefined => usable(row?.values[col]);
    const tpLabels = threePublicLabels(edition.narrative.threePublicNames);
    for (const col of ['total', 'abroad', 'car', 'carPurchase', 'carOperation', 'reception'] as const) {
      const label = tpLabels[col];
      const id: FigureBase = `threePublic.${col}`;
      const tableCol = col === 'car' ? 'carTotal' : col;
      let a: FigureValue | undefined = itemAmount(actual, tableCol);
      if (!a && col === 'car') a = sumOf([itemAmount(actual, 'carPurchase'), itemAmount(actual, 'carOperation')]);
      if (!a && col === 'total')
        a = sumOf([
          itemAmount(actual, 'abroad'),
          itemAmount(actual, 'carTotal') ?? sumOf([itemAmount(actual, 'carPurchase'), itemAmount(actual, 'carOperation')]),
          itemAmount(actual, 'reception'),
        ]);
      b.amount(id, label, a ?? zeroAmount());
      // budget: 07 预算数, else 补充信息
      let bud: FigureValue | undefined = budgetRowBlank ? undefined : (itemAmount(budget, tableCol) ?? zeroAmount());
      let budInputs: CellRef[] = [];
      if (budgetRowBlank) {
        const keys = col === 'total' ? Object.values(tpBudgetInput) : col === 'car' ? [tpBudgetInput.carPurchase, tpBudgetInput.carOperation] : [tpBudgetInput[col]];
        const vals = keys.map((k) => (k ? inputNumber(inputs, k) : undefined));
        if (vals.some((v) => v !== undefined)) {
          bud = { value: roundHalfAway(vals.reduce<number>((s, v) => s + (v === undefined ? 0 : roundHalfAway(v)), 0)), cells: [] };
          budInputs = keys.flatMap((k) => (k ? inputCell(inputs, k) : []));
        }
      }
      if (bud) {
        b.add({
          id: `${id}.budget`,
          label: `${label}预算数`,
          value: roundHalfAway(bud.value),
          unit: '万元',
          kind: 'budget',
          cells: cellsOf(bud),
          inputs: budInputs,
          base: id,
        });
        b.budgetDerived(id, label);
      }
      // prior year
      const priorKeys = col === 'total' ? Object.values(tpPrior) : col === 'car' ? [tpPrior.carPurchase, tpPrior.carOperation] : [tpPrior[col]];
      const priorVals = priorKeys.map((k) => (k ? inputNumber(inputs, k) : undefined));
      if (priorVals.every((v) => v !== undefined)) {
        b.add({
          id: `${id}.prior`,
          label: `上年${label}`,
          value: roundHalfAway(priorVals.reduce<number>((s, v) => s + roundHalfAway(v), 0)),
          unit: '万元',
          kind: 'prior',
          cells: [],
          inputs: priorKeys.flatMap((k) => (k ? inputCell(inputs, k) : [])),
          base: id,
        });
        b.changeDerived(id, label);
      }
      if (col !== 'total') b.share(id, 'threePublic.total', `${label}占“三公”经费的比重`);
    }
  }
  b.count('threePublic.abroad.groups', '因公出国（境）团组数', inputs, 'count.abroad.groups');
  b.count('threePublic.abroad.persons', '因公出国（境）人次', inputs, 'count.abroad.persons');
  b.count('threePublic.car.purchased', '购置（更新）公务用车数量', inputs, 'count.car.purchased');
  b.count('threePublic.car.fleet', '公务用车保有量', inputs, 'count.car.fleet');
  b.count('threePublic.reception.batches', '国内公务接待批次', inputs, 'count.reception.batches');
  b.count('threePublic.reception.persons', '国内公务接待人次', inputs, 'count.reception.persons');

  // 八 政府性基金 (08), 九 国有资本经营 (09)
  for (const [key, prefix, name] of [
    ['govFund', 'govFund', '政府性基金预算财政拨款'],
    ['stateCapital', 'stateCapital', '国有资本经营预算财政拨款'],
  ] as const) {
    const table = t[key];
    if (!table) continue;
    const total = line(table, 'total');
    const cols: Array<['opening' | 'income' | 'total' | 'basic' | 'project' | 'closing', string]> = [
      ['opening', '年初结转和结余'],
      ['income', '本年收入'],
      ['total', '本年支出'],
      ['basic', '基本支出'],
      ['project', '项目支出'],
      ['closing', '年末结转和结余'],
    ];
    for (const [col, label] of cols) {
      if (table.columns[col] === undefined && !(total && total.values[col])) {
        if (key === 'govFund' || ['total', 'basic', 'project'].includes(col)) {
          b.amount(`${prefix}.${col}`, `${name}${label}`, zeroAmount());
        }
        continue;
      }
      b.amount(`${prefix}.${col}`, `${name}${label}`, usable(total?.values[col]) ?? zeroAmount(total?.values[col]?.cell));
    }
  }

  // 十 机关运行经费, 十一 会议费/培训费
  b.fromInput('operatingCost', '机关运行经费', inputs, 'operatingCost');
  if (b.has('operatingCost')) b.yearOnYear('operatingCost', '机关运行经费', inputs, 'prior.operatingCost');
  for (const [id, label, code] of [
    ['meeting', '会议费', '30215'],
    ['training', '培训费', '30216'],
  ] as const) {
    if (inputNumber(inputs, id) !== undefined) b.fromInput(id, label, inputs, id);
    else if (basic06) {
      const a = usable(amount(basic06, code, 'amount'));
      b.amount(id, label, a ?? zeroAmount(line(basic06, code)?.values.amount?.cell));
    }
  }

  // 十二 政府采购
  const goods = inputNumber(inputs, 'procurement.goods');
  const works = inputNumber(inputs, 'procurement.works');
  const services = inputNumber(inputs, 'procurement.services');
  if (goods !== undefined || works !== undefined || services !== undefined) {
    const parts: Array<['goods' | 'works' | 'services', string, InputKey]> = [
      ['goods', '政府采购货物支出', 'procurement.goods'],
      ['works', '政府采购工程支出', 'procurement.works'],
      ['services', '政府采购服务支出', 'procurement.services'],
    ];
    let sum = 0;
    const cells: CellRef[] = [];
    for (const [, , k] of parts) {
      sum = roundHalfAway(sum + roundHalfAway(inputNumber(inputs, k) ?? 0));
      cells.push(...inputCell(inputs, k));
    }
    b.add({ id: 'procurement.total', label: '政府采购支出总额', value: sum, unit: '万元', kind: 'amount', cells: [], inputs: cells });
    for (const [part, label, k] of parts) {
      b.add({
        id: `procurement.${part}`,
        label,
        value: roundHalfAway(inputNumber(inputs, k) ?? 0),
        unit: '万元',
        kind: 'amount',
        cells: [],
        inputs: inputCell(inputs, k),
      });
    }
    for (const [part, label, k] of [
      ['sme', '授予中小企业合同金额', 'procurement.sme'],
      ['small', '授予小微企业合同金额', 'procurement.small'],
    ] as const) {
      if (inputNumber(inputs, k) === undefined) continue;
      b.fromInput(`procurement.${part}`, label, inputs, k);
      b.share(`procurement.${part}`, 'procurement.total', `${label}占政府采购支出总额的比重`);
    }
  }

  // 十三 国有资产
  const vehicleKinds: Array<['leader' | 'confidential' | 'emergency' | 'enforcement' | 'special' | 'other', string, InputKey]> = [
    ['leader', '领导干部用车', 'assets.vehicles.leader'],
    ['confidential', '机要通信用车', 'assets.vehicles.confidential'],
    ['emergency', '应急保障用车', 'assets.vehicles.emergency'],
    ['enforcement', '执法执勤用车', 'assets.vehicles.enforcement'],
    ['special', '特种专业技术用车', 'assets.vehicles.special'],
    ['other', '其他用车', 'assets.vehicles.other'],
  ];
  if (vehicleKinds.some(([, , k]) => inputNumber(inputs, k) !== undefined)) {
    const total = vehicleKinds.reduce((s, [, , k]) => s + Math.round(inputNumber(inputs, k) ?? 0), 0);
    b.add({
      id: 'assets.vehicles',
      label: '车辆',
      value: total,
      unit: 'count',
      countUnit: '辆',
      kind: 'count',
      cells: [],
      inputs: vehicleKinds.flatMap(([, , k]) => inputCell(inputs, k)),
    });
    for (const [kind, label, k] of vehicleKinds) b.count(`assets.vehicles.${kind}`, label, inputs, k);
  }
  b.count('assets.generalEquipment', '单位价值50万元以上通用设备', inputs, 'assets.generalEquipment');
  b.count('assets.specialEquipment', '单位价值100万元以上专用设备', inputs, 'assets.specialEquipment');

  // 十四 绩效, 人员
  b.count('performance.gpb.count', '开展绩效自评的一般公共预算项目个数', inputs, 'performance.gpb.count');
  b.fromInput('performance.gpb.amount', '一般公共预算项目自评涉及资金', inputs, 'performance.gpb.amount');
  b.count('performance.govFund.count', '开展绩效自评的政府性基金预算项目个数', inputs, 'performance.govFund.count');
  b.fromInput('performance.govFund.amount', '政府性基金预算项目自评涉及资金', inputs, 'performance.govFund.amount');
  b.count('performance.stateCapital.count', '开展绩效自评的国有资本经营预算项目个数', inputs, 'performance.stateCapital.count');
  b.fromInput('performance.stateCapital.amount', '国有资本经营预算项目自评涉及资金', inputs, 'performance.stateCapital.amount');
  b.count('performance.dept.count', '开展部门评价的项目个数', inputs, 'performance.dept.count');
  b.count('staff.authorized', '编制人数', inputs, 'staff.authorized');
  b.count('staff.actual', '实有人数', inputs, 'staff.actual');
  b.count('staff.inService', '在职人员', inputs, 'staff.inService');
  b.count('staff.retired', '离退休人员', inputs, 'staff.retired');

  return b.build(year, edition);
}

// ---------------------------------------------------------------------------

export type IncomeItem = 'fiscal' | 'superior' | 'business' | 'operating' | 'affiliated' | 'other';
export type ExpenditureItem = 'basic' | 'project' | 'toSuperior' | 'operating' | 'toAffiliated';

export const INCOME_ITEMS: Array<[IncomeItem, string]> = [
  ['fiscal', '财政拨款收入'],
  ['superior', '上级补助收入'],
  ['business', '事业收入'],
  ['operating', '经营收入'],
  ['affiliated', '附属单位上缴收入'],
  ['other', '其他收入'],
];

export const EXPENDITURE_ITEMS: Array<[ExpenditureItem, string]> = [
  ['basic', '基本支出'],
  ['project', '项目支出'],
  ['toSuperior', '上缴上级支出'],
  ['operating', '经营支出'],
  ['toAffiliated', '对附属单位补助支出'],
];

/** The 三公 names of an edition by 07 column id. */
export function threePublicLabels(names: ThreePublicNames): Record<string, string> {
  return { ...names };
}

/**
 * The 类/款/项 path the text names a 项 by: 一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）.
 * Names come from the first table that has the code's class/section/item line; a class
 * name drops its trailing 支出 (一般公共服务支出 → 一般公共服务) unless only 其他 would remain.
 */
export function itemPath(code: string, tables: Array<TableModel | undefined>, itemLabel: string): string {
  const find = (c: string): string | undefined => {
    for (const t of tables) {
      const l = t?.lines.find((x) => x.code === c);
      if (l && l.label && l.label !== c) return cleanName(l.label);
    }
    return undefined;
  };
  const clsLabel = find(code.slice(0, 3)) ?? FUNCTIONAL_CLASSES.find((x) => x.code === code.slice(0, 3))?.name;
  const cls = clsLabel ? className(clsLabel) : undefined;
  const sec = find(code.slice(0, 5));
  const item = cleanName(itemLabel || find(code) || code);
  return `${cls ? `${cls}（类）` : ''}${sec ? `${sec}（款）` : ''}${item}（项）`;
}

/** A class as the text names it before （类）: 一般公共服务支出 → 一般公共服务; 其他支出 stays. */
export function className(label: string): string {
  const n = cleanName(label);
  return n.endsWith('支出') && n.length >= 4 && n !== '其他支出' ? n.slice(0, -2) : n;
}

/** Row labels as the text writes them: trimmed, full-width brackets, no leading 一、. */
export function cleanName(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^[一二三四五六七八九十]+、/, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

interface FigureValue {
  value: number;
  cell?: CellRef;
  cells?: CellRef[];
}

function cellsOf(v: FigureValue): CellRef[] {
  return v.cells ?? (v.cell ? [v.cell] : []);
}

function usable(a: Amount | undefined): Amount | undefined {
  return a && Number.isFinite(a.value) ? a : undefined;
}

function zeroAmount(cell?: CellRef): FigureValue {
  return { value: 0, cells: cell ? [cell] : [] };
}

function sumOf(parts: Array<FigureValue | undefined>): FigureValue | undefined {
  const present = parts.filter((p): p is FigureValue => !!p);
  if (present.length === 0) return undefined;
  return {
    value: roundHalfAway(present.reduce((s, p) => s + roundHalfAway(p.value), 0)),
    cells: present.flatMap(cellsOf),
  };
}

function sumAmounts(t: TableModel | undefined, ids: string[], col: ColumnId): FigureValue | undefined {
  return sumOf(ids.map((id) => usable(amount(t, id, col))));
}

function sumAmountsOf(t: TableModel, pick: (code: string) => boolean): FigureValue {
  return sumOf(t.lines.filter((l) => l.code && l.level === 'class' && pick(l.code)).map((l) => usable(l.values.amount))) ?? zeroAmount();
}

class FigureBuilder {
  private list: Figure[] = [];
  private byId = new Map<FigureId, Figure>();

  has(id: FigureId): boolean {
    return this.byId.has(id);
  }

  add(f: Figure): void {
    if (!Number.isFinite(f.value)) return;
    if (this.byId.has(f.id)) return;
    this.list.push(f);
    this.byId.set(f.id, f);
  }

  amount(id: FigureBase, label: string, v: FigureValue): void {
    this.add({ id, label, value: roundHalfAway(v.value), unit: '万元', kind: 'amount', cells: cellsOf(v), inputs: [] });
  }

  fromInput(id: FigureBase, label: string, inputs: Inputs, key: InputKey): void {
    const n = inputNumber(inputs, key);
    if (n === undefined) return;
    this.add({ id, label, value: roundHalfAway(n), unit: '万元', kind: 'amount', cells: [], inputs: inputCell(inputs, key) });
  }

  count(id: FigureBase, label: string, inputs: Inputs, key: InputKey): void {
    const n = inputNumber(inputs, key);
    if (n === undefined) return;
    const countUnit = COUNT_UNITS[key] ?? '个';
    this.add({ id, label, value: Math.round(n), unit: 'count', countUnit, kind: 'count', cells: [], inputs: inputCell(inputs, key) });
  }

  /** base.share = base ÷ denominator × 100, when the denominator is not 0. */
  share(base: FigureBase, denominator: FigureBase, label: string): void {
    this.ratio(`${base}.share`, 'share', base, denominator, label, base);
  }

  private ratio(id: FigureId, kind: FigureKind, numerator: FigureId, denominator: FigureId, label: string, base: FigureBase): void {
    const n = this.byId.get(numerator);
    const d = this.byId.get(denominator);
    if (!n || !d) return;
    const p = percentOf(roundHalfAway(n.value), roundHalfAway(d.value));
    if (p === undefined) return;
    this.add({
      id,
      label,
      value: p,
      unit: '%',
      kind,
      cells: uniqueCells([...n.cells, ...d.cells]),
      inputs: uniqueCells([...n.inputs, ...d.inputs]),
      basis: { numerator, denominator },
      base,
    });
  }

  /** base.prior from an input, then .change and .changeRate. */
  yearOnYear(base: FigureBase, label: string, inputs: Inputs, key: InputKey): void {
    const prior = inputNumber(inputs, key);
    if (prior === undefined || !this.byId.has(base)) return;
    this.add({ id: `${base}.prior`, label: `上年${label}`, value: roundHalfAway(prior), unit: '万元', kind: 'prior', cells: [], inputs: inputCell(inputs, key), base });
    this.changeDerived(base, label);
  }

  /** .change and .changeRate from base and base.prior. */
  changeDerived(base: FigureBase, label: string): void {
    const cur = this.byId.get(base);
    const prior = this.byId.get(`${base}.prior`);
    if (!cur || !prior) return;
    const change = roundHalfAway(roundHalfAway(cur.value) - roundHalfAway(prior.value));
    this.add({
      id: `${base}.change`,
      label: `${label}比上年增减额`,
      value: change,
      unit: '万元',
      kind: 'change',
      cells: cur.cells,
      inputs: uniqueCells([...cur.inputs, ...prior.inputs]),
      basis: { numerator: base, denominator: `${base}.prior` },
      base,
    });
    this.ratio(`${base}.changeRate`, 'changeRate', `${base}.change`, `${base}.prior`, `${label}比上年增减率`, base);
  }

  /** .budgetDiff and .completion from base and base.budget. */
  budgetDerived(base: FigureBase, label: string): void {
    const cur = this.byId.get(base);
    const bud = this.byId.get(`${base}.budget`);
    if (!cur || !bud) return;
    this.add({
      id: `${base}.budgetDiff`,
      label: `${label}决算数与预算数之差`,
      value: roundHalfAway(roundHalfAway(cur.value) - roundHalfAway(bud.value)),
      unit: '万元',
      kind: 'budgetDiff',
      cells: uniqueCells([...cur.cells, ...bud.cells]),
      inputs: uniqueCells([...cur.inputs, ...bud.inputs]),
      basis: { numerator: base, denominator: `${base}.budget` },
      base,
    });
    this.ratio(`${base}.completion`, 'completion', base, `${base}.budget`, `${label}预算完成率`, base);
  }

  build(year: number | undefined, edition: Edition): Figures {
    const list = this.list;
    const byId = this.byId;
    return {
      all: list,
      year,
      edition,
      get: (id) => byId.get(id),
      has: (id) => byId.has(id),
      value: (id) => byId.get(id)?.value,
      matching: (n, unit) =>
        list.filter((f) => (unit === undefined || f.unit === unit) && (f.unit === 'count' ? Math.round(f.value) === n : roundHalfAway(f.value) === roundHalfAway(n))),
      withPrefix: (prefix) => list.filter((f) => f.id.startsWith(prefix)),
    };
  }
}

const COUNT_UNITS: Partial<Record<InputKey, string>> = {
  'count.abroad.groups': '个',
  'count.abroad.persons': '人次',
  'count.car.purchased': '辆',
  'count.car.fleet': '辆',
  'count.reception.batches': '个',
  'count.reception.persons': '人次',
  'assets.vehicles.leader': '辆',
  'assets.vehicles.confidential': '辆',
  'assets.vehicles.emergency': '辆',
  'assets.vehicles.enforcement': '辆',
  'assets.vehicles.special': '辆',
  'assets.vehicles.other': '辆',
  'assets.generalEquipment': '台（套）',
  'assets.specialEquipment': '台（套）',
  'performance.gpb.count': '个',
  'performance.govFund.count': '个',
  'performance.stateCapital.count': '个',
  'performance.dept.count': '个',
  'staff.authorized': '人',
  'staff.actual': '人',
  'staff.inService': '人',
  'staff.retired': '人',
};

function uniqueCells(cells: CellRef[]): CellRef[] {
  const seen = new Set<string>();
  return cells.filter((c) => {
    const k = `${c.sheet}!${c.address}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
