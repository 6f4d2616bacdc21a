import { EXPENDITURE_ITEMS, INCOME_ITEMS } from '../../figures/compute';
import type { SectionKey } from '../../editions/types';
import { isFigureBase, type Figure, type FigureBase, type FigureId } from '../../figures/types';
import type { BudgetLine } from '../../inputs/types';
import { inputText } from '../../inputs/types';
import { INPUT_SHEET_NAME, type InputKey } from '../../inputs/fields';
import { PROMPTS, SIGN_WORDS, SUBHEAD_NUMBERS } from '../patterns';
import { compareWord, SectionWriter } from './writer';
import type { TableKey } from '../../model/tables';

/**
 * One function per section 一 … 十五; each returns paragraphs. Sentences keep every
 * percentage beside the two amounts it is computed from (same sentence), amounts in
 * 万元 with two decimals, shares and rates with two decimals.
 */
export type SectionFn = (w: SectionWriter) => string[];

/** The id of an amount figure (the figures listed by prefix are amounts, never derived). */
function baseOf(f: Figure): FigureBase {
  if (isFigureBase(f.id)) return f.id;
  throw new Error(`${f.id} is not a base figure`);
}

const nonZero = (w: SectionWriter, id: FigureId) => Math.round((w.value(id) ?? 0) * 100) !== 0;

/** 一、收入支出决算总体情况说明 */
const s1: SectionFn = (w) => {
  if (!w.has('summary.total')) return [noTable(w, '收入支出决算总表', 'summary')];
  if (w.style.pairedTotals) {
    let s = `${w.year}收、支总计${w.say('pairedTotal', 'summary.total')}`;
    if (w.has('summary.total.changeRate') && Math.round((w.value('summary.total.change') ?? 0) * 100) !== 0) {
      s += `，${w.say('pairedYearOnYear', 'summary.total')}，主要原因是${w.reason('reason.summaryTotal')}`;
    } else s += w.yoy('summary.total', 'prior.summaryTotal', 'reason.summaryTotal');
    return [`${s}。`];
  }
  return [`${w.year}收、支总计${w.money('summary.total')}${w.yoy('summary.total', 'prior.summaryTotal', 'reason.summaryTotal')}。`];
};

/** 二、收入决算情况说明 */
const s2: SectionFn = (w) => {
  if (!w.has('income.total')) return [noTable(w, '收入决算表', 'income')];
  if (!nonZero(w, 'income.total')) return [`本年收入合计${w.money('income.total')}。`];
  const parts = INCOME_ITEMS.map(([col, label]) => `${label}${w.say('share', `income.${col}`)}`);
  return [`本年收入合计${w.money('income.total')}，其中：${parts.join('；')}。`];
};

/** 三、支出决算情况说明 */
const s3: SectionFn = (w) => {
  if (!w.has('expenditure.total')) return [noTable(w, '支出决算表', 'expenditure')];
  if (!nonZero(w, 'expenditure.total')) return [`本年支出合计${w.money('expenditure.total')}。`];
  const parts = EXPENDITURE_ITEMS.map(([col, label]) => `${label}${w.say('share', `expenditure.${col}`)}`);
  return [`本年支出合计${w.money('expenditure.total')}，其中：${parts.join('；')}。`];
};

/** 四、财政拨款收入支出决算总体情况说明 */
const s4: SectionFn = (w) => {
  if (!w.has('fiscal.total')) return [noTable(w, '财政拨款收入支出决算总表', 'fiscalSummary')];
  return [`${w.year}财政拨款收、支总计${w.money('fiscal.total')}${w.yoy('fiscal.total', 'prior.fiscalTotal', 'reason.fiscalTotal')}。`];
};

/** 五、一般公共预算财政拨款支出决算情况说明 */
const s5: SectionFn = (w) => {
  if (!w.has('gpb.total')) return [noTable(w, '一般公共预算财政拨款支出决算表', 'gpbExpenditure')];
  const sub = w.f.edition.narrative.gpbSub;
  const out: string[] = [];
  // (一) 总体
  out.push(`${SUBHEAD_NUMBERS[0]}${sub[0]}`);
  const share = w.has('gpb.total.share') ? `，${w.say('shareOf', 'gpb.total', { total: 'expenditure.total' })}` : '';
  out.push(`${w.year}一般公共预算财政拨款支出${w.money('gpb.total')}${share}${w.yoy('gpb.total', 'prior.gpbTotal', 'reason.gpbTotal')}。`);
  // (二) 结构
  out.push(`${SUBHEAD_NUMBERS[1]}${sub[1]}`);
  const classes = w.f.withPrefix('gpb.class.').filter((f) => f.kind === 'amount');
  if (classes.length === 0 || !nonZero(w, 'gpb.total')) {
    out.push(`${w.year}一般公共预算财政拨款支出${w.money('gpb.total')}。`);
  } else {
    const parts = classes.map((c) => `${c.label}支出${w.say('share', baseOf(c))}`);
    out.push(`${w.year}一般公共预算财政拨款支出${w.money('gpb.total')}，主要用于以下方面：${parts.join('；')}。`);
  }
  // (三) 具体情况
  out.push(`${SUBHEAD_NUMBERS[2]}${sub[2]}`);
  const items = w.f.withPrefix('gpb.item.').filter((f) => f.kind === 'amount');
  let total = `${w.year}一般公共预算财政拨款支出`;
  if (w.has('gpb.total.budget')) {
    total += w.say(w.has('gpb.total.completion') ? 'budgetActual' : 'budgetActualNoRate', 'gpb.total');
  } else {
    total += `年初预算为${PROMPTS.value('年初预算数')}万元，支出决算为${w.money('gpb.total')}`;
    w.addTodo('请在补充信息表的年初预算表中填写每个有支出的项的年初预算数');
  }
  out.push(items.length ? `${total}，其中：` : `${total}。`);
  items.forEach((it, i) => {
    const code = it.id.slice('gpb.item.'.length);
    const bl = w.inputs.budgets.find((b) => b.code === code);
    out.push(`${i + 1}、${it.label}。`);
    out.push(itemBudgetSentence(w, baseOf(it), bl));
  });
  return out;
};

function itemBudgetSentence(w: SectionWriter, id: FigureBase, bl: BudgetLine | undefined): string {
  if (!w.has(`${id}.budget`)) {
    w.addTodo(`请在补充信息表的年初预算表中填写科目${id.slice('gpb.item.'.length)}的年初预算数`);
    return `年初预算为${PROMPTS.value('年初预算数')}万元，支出决算为${w.money(id)}。`;
  }
  const s = w.say(w.has(`${id}.completion`) ? 'budgetActual' : 'budgetActualNoRate', id);
  const diff = w.figure(`${id}.budgetDiff`)!.value;
  const word = compareWord(diff);
  if (word === SIGN_WORDS.compare.eq) return `${s}，决算数等于年初预算数。`;
  const cell = bl?.cells.reason;
  const where = cell ? `（${cell.sheet}!${cell.address}）` : `（${INPUT_SHEET_NAME}表）`;
  const reason = w.reasonText(bl?.reason ?? '', `请填写科目${id.slice('gpb.item.'.length)}决算数${word}年初预算数的主要原因${where}`);
  return `${s}，决算数${word}年初预算数的主要原因是：${reason}。`;
}

/** 六、一般公共预算财政拨款基本支出决算情况说明 */
const s6: SectionFn = (w) => {
  if (!w.has('basic.total')) return [noTable(w, '一般公共预算财政拨款基本支出决算明细表', 'gpbBasic')];
  if (!w.has('basic.personnel') || !nonZero(w, 'basic.total')) {
    return [`${w.year}一般公共预算财政拨款基本支出${w.money('basic.total')}。`];
  }
  const econ = w.f.withPrefix('basic.econ.').filter((f) => f.kind === 'amount');
  const itemsOf = (classes: string[]) => {
    const sections = econ.filter((f) => {
      const c = f.id.slice('basic.econ.'.length);
      return c.length === 5 && classes.includes(c.slice(0, 3));
    });
    const chosen = sections.length ? sections : econ.filter((f) => classes.includes(f.id.slice('basic.econ.'.length)));
    return chosen.map((f) => f.label);
  };
  const part = (id: FigureBase, name: string, classes: string[]) => {
    let s = `${name}${w.money(id)}`;
    if (w.has(`${id}.share`)) s += `，占基本支出的${w.percent(`${id}.share`)}`;
    const names = itemsOf(classes);
    if (names.length && nonZero(w, id)) s += `，主要包括${names.join('、')}`;
    return s;
  };
  return [
    `${w.year}一般公共预算财政拨款基本支出${w.money('basic.total')}，其中：${part('basic.personnel', '人员经费', ['301', '303'])}；${part('basic.public', '公用经费', ['302', '307', '309', '310', '399'])}。`,
  ];
};

/** 七、"三公"经费 */
const s7: SectionFn = (w) => {
  if (!w.has('threePublic.total')) return [noTable(w, '“三公”经费支出决算表', 'threePublic')];
  const ed = w.f.edition.narrative;
  const names = ed.threePublicNames;
  const out: string[] = [];
  out.push(`${SUBHEAD_NUMBERS[0]}${ed.threePublicSub[0]}`);
  let head = `${w.year}${ed.threePublicName}`;
  if (w.has('threePublic.total.budget')) {
    head += budgetSentence(w, 'threePublic.total');
  } else {
    head += `支出预算为${PROMPTS.value('“三公”经费预算数')}万元，支出决算为${w.money('threePublic.total')}`;
    w.addTodo('公开表中没有“三公”经费预算数，请在补充信息表填写“三公”经费各项预算数');
  }
  out.push(`${head}，其中：`);
  const items: Array<[FigureBase, 'abroad' | 'car' | 'reception', InputKey | InputKey[], InputKey, InputKey]> = [
    ['threePublic.abroad', 'abroad', 'prior.threePublic.abroad', 'reason.threePublic.abroad.budget', 'reason.threePublic.abroad.change'],
    ['threePublic.reception', 'reception', 'prior.threePublic.reception', 'reason.threePublic.reception.budget', 'reason.threePublic.reception.change'],
    ['threePublic.car', 'car', ['prior.threePublic.carPurchase', 'prior.threePublic.carOperation'], 'reason.threePublic.car.budget', 'reason.threePublic.car.change'],
  ];
  for (const [id, key, priorKey, budgetReason, changeReason] of items) {
    let s = `${names[key]}`;
    if (w.has(`${id}.budget`)) {
      s += budgetSentence(w, id);
      const word = compareWord(w.figure(`${id}.budgetDiff`)!.value);
      s += word === SIGN_WORDS.compare.eq ? `，决算数等于预算数` : `，决算数${word}预算数的主要原因是${w.reason(budgetReason)}`;
    } else {
      s += `支出决算为${w.money(id)}`;
    }
    s += w.yoy(id, priorKey, changeReason);
    out.push(`${s}。`);
  }
  // (二) 具体情况
  out.push(`${SUBHEAD_NUMBERS[1]}${ed.threePublicSub[1]}`);
  const order: Array<['abroad' | 'car' | 'reception', FigureBase]> = [
    ['abroad', 'threePublic.abroad'],
    ['reception', 'threePublic.reception'],
    ['car', 'threePublic.car'],
  ];
  if (nonZero(w, 'threePublic.total')) {
    const parts = order.map(([k, id]) => `${names[k]}支出决算${w.money(id)}，占${w.percent(`${id}.share`)}`);
    out.push(`${w.year}${ed.threePublicName}支出决算${w.money('threePublic.total')}，其中：${parts.join('；')}。具体情况如下：`);
  } else {
    out.push(`${w.year}${ed.threePublicName}支出决算为${w.money('threePublic.total')}。具体情况如下：`);
  }
  out.push(
    `1、${names.abroad}支出决算为${w.money('threePublic.abroad')}，全年安排因公出国（境）团组${w.cntOr('threePublic.abroad.groups', 'count.abroad.groups')}个，累计${w.cntOr('threePublic.abroad.persons', 'count.abroad.persons')}人次。`,
  );
  out.push(
    `2、${names.reception}支出决算为${w.money('threePublic.reception')}，全年共接待来访团组${w.cntOr('threePublic.reception.batches', 'count.reception.batches')}个、来宾${w.cntOr('threePublic.reception.persons', 'count.reception.persons')}人次。`,
  );
  const end = w.f.year !== undefined ? `截至${w.f.year}年12月31日` : '截至年末';
  out.push(
    `3、${names.car}支出决算为${w.money('threePublic.car')}，其中：${names.carPurchase}${w.money('threePublic.carPurchase')}，购置（更新）公务用车${w.cntOr('threePublic.car.purchased', 'count.car.purchased')}辆；${names.carOperation}${w.money('threePublic.carOperation')}，${end}，开支财政拨款的公务用车保有量为${w.cntOr('threePublic.car.fleet', 'count.car.fleet')}辆。`,
  );
  return out;
};

/** A 三公 subject's budget, actual and completion ("支出预算为…，支出决算为…，完成预算的…%"). */
function budgetSentence(w: SectionWriter, id: FigureBase): string {
  const family = w.has(`${id}.completion`) ? 'budgetActual' : nonZero(w, id) ? 'budgetActualNoRate' : 'budgetActualOnly';
  const s = w.say(family, id, { variant: 'budget-last' });
  return s.startsWith('支出') ? s : `支出${s}`;
}

/** 八、政府性基金 */
const s8: SectionFn = (w) => {
  const ids: FigureId[] = ['govFund.opening', 'govFund.income', 'govFund.total', 'govFund.closing'];
  if (!ids.some((id) => nonZero(w, id))) {
    for (const id of ids) w.figure(id);
    return [`${w.year}本单位没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出。`];
  }
  return [
    `${w.year}政府性基金预算财政拨款收入${w.money('govFund.income')}；年初结转和结余${w.money('govFund.opening')}；支出${w.money('govFund.total')}，其中：基本支出${w.money('govFund.basic')}，项目支出${w.money('govFund.project')}；年末结转和结余${w.money('govFund.closing')}。`,
  ];
};

/** 九、国有资本经营 */
const s9: SectionFn = (w) => {
  const ids = (['stateCapital.opening', 'stateCapital.income', 'stateCapital.total', 'stateCapital.closing'] as const).filter((id) => w.has(id));
  if (!ids.some((id) => nonZero(w, id))) {
    for (const id of ids) w.figure(id);
    return [`${w.year}本单位没有使用国有资本经营预算财政拨款安排的支出。`];
  }
  let s = `${w.year}国有资本经营预算财政拨款`;
  if (w.has('stateCapital.income')) s += `收入${w.money('stateCapital.income')}；`;
  if (w.has('stateCapital.opening')) s += `年初结转和结余${w.money('stateCapital.opening')}；`;
  s += `支出${w.money('stateCapital.total')}，其中：基本支出${w.money('stateCapital.basic')}，项目支出${w.money('stateCapital.project')}`;
  if (w.has('stateCapital.closing')) s += `；年末结转和结余${w.money('stateCapital.closing')}`;
  return [`${s}。`];
};

/** 十、机关运行经费 */
const s10: SectionFn = (w) => {
  if (!w.has('operatingCost')) return [`本部门${w.year}机关运行经费支出${w.ask('operatingCost')}万元。`];
  return [`本部门${w.year}机关运行经费支出${w.money('operatingCost')}${w.yoy('operatingCost', 'prior.operatingCost', 'reason.operatingCost', 'budget')}。`];
};

/** 十一、一般性支出 */
const s11: SectionFn = (w) => [`${w.yearPlain}本部门开支会议费${w.moneyOr('meeting', 'meeting')}，开支培训费${w.moneyOr('training', 'training')}。`];

/** 十二、政府采购 */
const s12: SectionFn = (w) => {
  if (!w.has('procurement.total')) {
    const what = w.askAll(['procurement.goods', 'procurement.works', 'procurement.services'], '政府采购货物、工程、服务支出');
    return [`本部门${w.year}政府采购支出总额${what}万元。`];
  }
  if (!nonZero(w, 'procurement.total')) {
    w.figure('procurement.total');
    return [`本部门${w.year}没有政府采购支出。`];
  }
  let s = `本部门${w.year}政府采购支出总额${w.money('procurement.total')}，其中：政府采购货物支出${w.money('procurement.goods')}、政府采购工程支出${w.money('procurement.works')}、政府采购服务支出${w.money('procurement.services')}`;
  if (w.has('procurement.sme')) {
    s += `；授予中小企业合同金额${w.money('procurement.sme')}，占政府采购支出总额的${w.percent('procurement.sme.share')}`;
    if (w.has('procurement.small')) s += `，其中：授予小微企业合同金额${w.money('procurement.small')}，占政府采购支出总额的${w.percent('procurement.small.share')}`;
  } else {
    s += `；授予中小企业合同金额${w.ask('procurement.sme')}万元`;
  }
  return [`${s}。`];
};

/** 十三、国有资产占用 */
const s13: SectionFn = (w) => {
  const end = w.f.year !== undefined ? `截至${w.f.year}年12月31日` : '截至年末';
  const kinds: Array<['leader' | 'confidential' | 'emergency' | 'enforcement' | 'special' | 'other', string]> = [
    ['leader', '领导干部用车'],
    ['confidential', '机要通信用车'],
    ['emergency', '应急保障用车'],
    ['enforcement', '执法执勤用车'],
    ['special', '特种专业技术用车'],
    ['other', '其他用车'],
  ];
  let s: string;
  if (w.has('assets.vehicles')) {
    s = `${end}，本单位共有车辆${w.cnt('assets.vehicles')}辆，其中：${kinds.map(([k, label]) => `${label}${w.cnt(`assets.vehicles.${k}`)}辆`).join('、')}`;
  } else {
    const what = w.askAll(
      kinds.map(([k]) => `assets.vehicles.${k}` as InputKey),
      '各类车辆数',
    );
    s = `${end}，本单位共有车辆${what}辆`;
  }
  s += `；单位价值50万元以上通用设备${w.cntOr('assets.generalEquipment', 'assets.generalEquipment')}台（套）；单位价值100万元以上专用设备${w.cntOr('assets.specialEquipment', 'assets.specialEquipment')}台（套）。`;
  return [s];
};

/** 十四、绩效 */
const s14: SectionFn = (w) => {
  const out: string[] = [];
  if (!w.has('performance.gpb.count')) {
    out.push(`根据预算绩效管理要求，本部门组织对${w.year}一般公共预算项目支出开展绩效自评，共涉及项目${w.ask('performance.gpb.count')}个。`);
  } else if (w.value('performance.gpb.count') === 0) {
    w.figure('performance.gpb.count');
    out.push(`${w.year}本部门未对一般公共预算项目支出开展绩效自评。`);
  } else {
    out.push(
      `根据预算绩效管理要求，本部门组织对${w.year}一般公共预算项目支出开展绩效自评，共涉及项目${w.cnt('performance.gpb.count')}个，涉及资金${w.moneyOr('performance.gpb.amount', 'performance.gpb.amount')}。`,
    );
  }
  for (const [k, name] of [
    ['govFund', '政府性基金预算'],
    ['stateCapital', '国有资本经营预算'],
  ] as const) {
    if ((w.value(`performance.${k}.count`) ?? 0) > 0) {
      out.push(`组织对${w.cnt(`performance.${k}.count`)}个${name}项目支出开展绩效自评，涉及资金${w.moneyOr(`performance.${k}.amount`, `performance.${k}.amount`)}。`);
    }
  }
  if ((w.value('performance.dept.count') ?? 0) > 0) out.push(`组织对${w.cnt('performance.dept.count')}个项目开展了部门评价。`);
  const text = inputText(w.inputs, 'performance.text');
  out.push(text ? text : w.ask('performance.text'));
  return out;
};

/** 十五、其他重要事项 */
const s15: SectionFn = (w) => {
  const text = inputText(w.inputs, 'other.text');
  return [text ? text : w.ask('other.text')];
};

function noTable(w: SectionWriter, table: string, key: TableKey): string {
  const sheet = w.found[key];
  if (sheet) {
    // The table is there; its total is an error value or text (the 读表 lines name the cells).
    w.addTodo(`“${sheet}”表中的${table}已读到，但其合计数是错误值或文字，无法使用，本节无法生成；请先改正该表（见“读表”各条）`);
    return PROMPTS.value(`${table}合计数无法读取，请先改正“${sheet}”表`);
  }
  w.addTodo(`未读到${table}，本节无法生成`);
  return PROMPTS.value(`未读到${table}`);
}

/** One writer per section, by what the section is about (the edition orders them). */
export const SECTION_WRITERS: Record<SectionKey, SectionFn> = {
  summary: s1,
  income: s2,
  expenditure: s3,
  fiscal: s4,
  gpb: s5,
  basic: s6,
  threePublic: s7,
  govFund: s8,
  stateCapital: s9,
  operatingCost: s10,
  general: s11,
  procurement: s12,
  assets: s13,
  performance: s14,
  other: s15,
};
