import type { Finding } from '../findings/finding';
import type { WorkbookModel } from '../model/tables';
import { runRulesWith } from './engine';
import type { CheckOptions, Rule } from './types';

import cellValueIssues from './checks/cell-value-issues';
import classifiedClassEqSumSections from './checks/classified-class-eq-sum-sections';
import classifiedSectionEqSumItems from './checks/classified-section-eq-sum-items';
import classifiedTotalEqSumClasses from './checks/classified-total-eq-sum-classes';
import noTables from './checks/no-tables';
import officeOperationCostLeT06PublicTotal from './checks/office-operation-cost-le-t06-public-total';
import readProblems from './checks/read-problems';
import t01CarryoverGeT04Carryover from './checks/t01-carryover-ge-t04-carryover';
import t01ClassesEqT03Classes from './checks/t01-classes-eq-t03-classes';
import t01ExpenseGrandTotalEqParts from './checks/t01-expense-grand-total-eq-parts';
import t01ExpenseTotalEqSumClasses from './checks/t01-expense-total-eq-sum-classes';
import t01ExpenseTotalEqT03Total from './checks/t01-expense-total-eq-t03-total';
import t01IncomeGrandTotalEqExpenseGrandTotal from './checks/t01-income-grand-total-eq-expense-grand-total';
import t01IncomeGrandTotalEqParts from './checks/t01-income-grand-total-eq-parts';
import t01IncomeTotalEqSumIncomeRows from './checks/t01-income-total-eq-sum-income-rows';
import t01IncomeTotalEqT02Total from './checks/t01-income-total-eq-t02-total';
import t02FiscalEqT01FiscalIncome from './checks/t02-fiscal-eq-t01-fiscal-income';
import t02RowTotalEqSumSources from './checks/t02-row-total-eq-sum-sources';
import t02SourcesEqT01IncomeRows from './checks/t02-sources-eq-t01-income-rows';
import t03RowTotalEqSumParts from './checks/t03-row-total-eq-sum-parts';
import t04CarryoverEqSumFunds from './checks/t04-carryover-eq-sum-funds';
import t04ExpenseGrandTotalEqParts from './checks/t04-expense-grand-total-eq-parts';
import t04ExpenseRowTotalEqSumFunds from './checks/t04-expense-row-total-eq-sum-funds';
import t04ExpenseTotalEqSumClasses from './checks/t04-expense-total-eq-sum-classes';
import t04FundIncomeEqT01FundIncome from './checks/t04-fund-income-eq-t01-fund-income';
import t04FundWithoutMoneyT08T09NoData from './checks/t04-fund-without-money-t08-t09-no-data';
import t04GovfundColumnEqT08 from './checks/t04-govfund-column-eq-t08';
import t04GpbColumnEqT05 from './checks/t04-gpb-column-eq-t05';
import t04IncomeGrandTotalEqExpenseGrandTotal from './checks/t04-income-grand-total-eq-expense-grand-total';
import t04IncomeGrandTotalEqParts from './checks/t04-income-grand-total-eq-parts';
import t04IncomeTotalEqSumFunds from './checks/t04-income-total-eq-sum-funds';
import t04IncomeTotalEqT02Fiscal from './checks/t04-income-total-eq-t02-fiscal';
import t04StatecapitalColumnEqT09 from './checks/t04-statecapital-column-eq-t09';
import t050809RowTotalEqBasicPlusProject from './checks/t05-08-09-row-total-eq-basic-plus-project';
import t05BasicEqT06PersonnelPlusPublic from './checks/t05-basic-eq-t06-personnel-plus-public';
import t05LeT03ByCodeAndColumn from './checks/t05-le-t03-by-code-and-column';
import t06ClassEqSumSections from './checks/t06-class-eq-sum-sections';
import t06LeT07ThreePublicActuals from './checks/t06-le-t07-three-public-actuals';
import t06PersonnelTotalEq301Plus303 from './checks/t06-personnel-total-eq-301-plus-303';
import t06PublicTotalEq302307310399 from './checks/t06-public-total-eq-302-307-310-399';
import t07CarTotalEqPurchasePlusOperation from './checks/t07-car-total-eq-purchase-plus-operation';
import t07TotalEqAbroadCarReception from './checks/t07-total-eq-abroad-car-reception';
import t08ClosingEqOpeningPlusIncomeMinusExpenditure from './checks/t08-closing-eq-opening-plus-income-minus-expenditure';
import tableMissing from './checks/table-missing';

/**
 * Every rule, in docs/domain/rules.md order (rules that check the cells and the reading itself
 * come first). One file per rule under checks/, named by its id; see README.md.
 */
export const rules: readonly Rule[] = [
  noTables,
  cellValueIssues,
  classifiedClassEqSumSections,
  classifiedSectionEqSumItems,
  classifiedTotalEqSumClasses,
  officeOperationCostLeT06PublicTotal,
  readProblems,
  t01CarryoverGeT04Carryover,
  t01ClassesEqT03Classes,
  t01ExpenseGrandTotalEqParts,
  t01ExpenseTotalEqSumClasses,
  t01ExpenseTotalEqT03Total,
  t01IncomeGrandTotalEqExpenseGrandTotal,
  t01IncomeGrandTotalEqParts,
  t01IncomeTotalEqSumIncomeRows,
  t01IncomeTotalEqT02Total,
  t02FiscalEqT01FiscalIncome,
  t02RowTotalEqSumSources,
  t02SourcesEqT01IncomeRows,
  t03RowTotalEqSumParts,
  t04CarryoverEqSumFunds,
  t04ExpenseGrandTotalEqParts,
  t04ExpenseRowTotalEqSumFunds,
  t04ExpenseTotalEqSumClasses,
  t04FundIncomeEqT01FundIncome,
  t04FundWithoutMoneyT08T09NoData,
  t04GovfundColumnEqT08,
  t04GpbColumnEqT05,
  t04IncomeGrandTotalEqExpenseGrandTotal,
  t04IncomeGrandTotalEqParts,
  t04IncomeTotalEqSumFunds,
  t04IncomeTotalEqT02Fiscal,
  t04StatecapitalColumnEqT09,
  t050809RowTotalEqBasicPlusProject,
  t05BasicEqT06PersonnelPlusPublic,
  t05LeT03ByCodeAndColumn,
  t06ClassEqSumSections,
  t06LeT07ThreePublicActuals,
  t06PersonnelTotalEq301Plus303,
  t06PublicTotalEq302307310399,
  t07CarTotalEqPurchasePlusOperation,
  t07TotalEqAbroadCarReception,
  t08ClosingEqOpeningPlusIncomeMinusExpenditure,
  tableMissing,
].sort((a, b) => (a.meta.rulesMd ?? 0) - (b.meta.rulesMd ?? 0));

/** Run every rule (or `options.rules`) over a model: findings sorted by severity, then table. Pure. */
export function runRules(model: WorkbookModel, options: CheckOptions & { rules?: readonly Rule[] } = {}): Finding[] {
  return runRulesWith(model, { ...options, rules: options.rules ?? rules });
}

export { runRule, sortFindings, tableNumber } from './engine';
export { compareSides, formatAmount, DEFAULT_TOLERANCE } from './compare';
export type { CheckInputs, CheckOptions, Comparison, Rule, RuleContext, RuleMeta, Side, Term } from './types';
