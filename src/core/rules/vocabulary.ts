import type { ColumnId, LineId, TableKey } from '../model/tables';

/**
 * Official names of the columns and fixed lines the rules talk about, for messages.
 * Data, not logic: rules look names up here instead of spelling them.
 */
export const COLUMN_NAMES: Record<TableKey, Record<ColumnId, string>> = {
  summary: { amount: '金额' },
  income: {
    total: '本年收入合计',
    fiscal: '财政拨款收入',
    'fiscal.gpb': '一般公共预算财政拨款收入',
    'fiscal.govFund': '政府性基金预算财政拨款收入',
    'fiscal.stateCapital': '国有资本经营预算财政拨款收入',
    superior: '上级补助收入',
    business: '事业收入',
    operating: '经营收入',
    affiliated: '附属单位上缴收入',
    other: '其他收入',
  },
  expenditure: {
    total: '本年支出合计',
    basic: '基本支出',
    project: '项目支出',
    toSuperior: '上缴上级支出',
    operating: '经营支出',
    toAffiliated: '对附属单位补助支出',
  },
  fiscalSummary: {
    amount: '金额',
    total: '合计',
    gpb: '一般公共预算财政拨款',
    govFund: '政府性基金预算财政拨款',
    stateCapital: '国有资本经营预算财政拨款',
  },
  gpbExpenditure: { total: '小计', basic: '基本支出', project: '项目支出' },
  gpbBasic: { amount: '决算数' },
  threePublic: {
    total: '合计',
    abroad: '因公出国（境）费',
    carTotal: '公务用车购置及运行费小计',
    carPurchase: '公务用车购置费',
    carOperation: '公务用车运行费',
    reception: '公务接待费',
  },
  govFund: {
    opening: '年初结转和结余',
    income: '本年收入',
    total: '本年支出小计',
    basic: '基本支出',
    project: '项目支出',
    closing: '年末结转和结余',
  },
  stateCapital: {
    opening: '年初结转和结余',
    income: '本年收入',
    total: '本年支出合计',
    basic: '基本支出',
    project: '项目支出',
    closing: '年末结转和结余',
  },
};

export const LINE_NAMES: Record<LineId, string> = {
  'inc.gpb': '一般公共预算财政拨款收入',
  'inc.govFund': '政府性基金预算财政拨款收入',
  'inc.stateCapital': '国有资本经营预算财政拨款收入',
  'inc.superior': '上级补助收入',
  'inc.business': '事业收入',
  'inc.operating': '经营收入',
  'inc.affiliated': '附属单位上缴收入',
  'inc.other': '其他收入',
  'inc.total': '本年收入合计',
  'inc.useNonFiscalBalance': '使用非财政拨款结余',
  'inc.opening': '年初结转和结余',
  'inc.opening.gpb': '年初一般公共预算财政拨款结转和结余',
  'inc.opening.govFund': '年初政府性基金预算财政拨款结转和结余',
  'inc.opening.stateCapital': '年初国有资本经营预算财政拨款结转和结余',
  'inc.grandTotal': '收入总计',
  'exp.total': '本年支出合计',
  'exp.balanceDistribution': '结余分配',
  'exp.closing': '年末结转和结余',
  'exp.closing.gpb': '年末一般公共预算财政拨款结转和结余',
  'exp.closing.govFund': '年末政府性基金预算财政拨款结转和结余',
  'exp.closing.stateCapital': '年末国有资本经营预算财政拨款结转和结余',
  'exp.grandTotal': '支出总计',
  personnelTotal: '人员经费合计',
  publicTotal: '公用经费合计',
  budget: '预算数',
  actual: '决算数',
};

/** 04's names differ a little from 01's for the carry-over lines. */
export const FISCAL_LINE_NAMES: Record<LineId, string> = {
  'inc.gpb': '一般公共预算财政拨款',
  'inc.govFund': '政府性基金预算财政拨款',
  'inc.stateCapital': '国有资本经营预算财政拨款',
  'inc.opening': '年初财政拨款结转和结余',
  'exp.closing': '年末财政拨款结转和结余',
};

export const LEVEL_NAMES = { class: '类', section: '款', item: '项' } as const;
