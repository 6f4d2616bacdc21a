import type { Finding } from '../findings/finding';
import { inputCell, inputNumber, readInputs, type Inputs } from '../inputs';
import type { Amount, WorkbookModel } from '../model/tables';
import { readWorkbook } from '../reader';
import { runRules, type CheckInputs } from '../rules';
import type { WorkbookHost } from '../host';

/** 一键校验 (issue #3): read every table, run the rules, return the findings. */
export interface CheckWorkbookOptions {
  /** Rounding tolerance per part (default 0.005, in the tables' money unit). */
  tolerance?: number;
  /** Figures from outside the tables; by default read from the 补充信息 sheet when there is one. */
  inputs?: CheckInputs;
}

export interface CheckResult {
  model: WorkbookModel;
  /** Sorted: errors, warnings, 尾数差异; within each by table (01 … 09). */
  findings: Finding[];
}

/** The rules' extra inputs from the 补充信息 sheet (机关运行经费 for docs/domain/rules.md 19). */
export function checkInputsFrom(inputs: Inputs): CheckInputs {
  const out: CheckInputs = {};
  const cost = inputNumber(inputs, 'operatingCost');
  const [cell] = inputCell(inputs, 'operatingCost');
  if (cost !== undefined && cell && !inputs.values.operatingCost?.blank) {
    const amount: Amount = { value: cost, blank: false, cell };
    out.officeOperationCost = amount;
  }
  return out;
}

/**
 * One read of every sheet (one host round trip), then pure work: the reader builds the
 * table model, the 补充信息 sheet gives the narrative inputs, the rules run.
 */
export async function checkWorkbook(host: WorkbookHost, options: CheckWorkbookOptions = {}): Promise<CheckResult> {
  const snapshots = await host.readSheets();
  const model = readWorkbook(snapshots);
  const inputs = options.inputs ?? checkInputsFrom(readInputs(snapshots));
  const findings = runRules(model, { tolerance: options.tolerance, inputs });
  return { model, findings };
}
