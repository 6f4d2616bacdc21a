import { strict as assert } from 'assert';
import type { Severity } from '../../../../src/core/findings/finding';
import { computeFigures } from '../../../../src/core/figures';
import { emptyInputs, inputsFromValues, type Inputs } from '../../../../src/core/inputs';
import type { InputSheetValues } from '../../../../src/core/inputs/template';
import type { WorkbookModel } from '../../../../src/core/model/tables';
import { parseNarrative, vocabularyFromModel } from '../../../../src/core/narrative/parse';
import { runNarrativeRules, type NarrativeRule, type TextFinding } from '../../../../src/core/narrative/verify';
import { SEED_2021_INPUTS } from '../../../../src/core/sample/seed-2021-inputs';
import { seedModel } from '../../figures/seed-model';

/**
 * A RuleTester for narrative rules (ESLint-style): `valid` texts give no finding of
 * the rule (无法核对 notes aside, unless `noUnverified`), `invalid` texts give exactly
 * the findings listed, in text order. Tables: the seed's (株洲市石峰区机关事务服务中心
 * 2021) unless a case gives its own model; inputs: none, 'seed', or values.
 */
export interface ExpectedFinding {
  quote: string;
  severity: Severity;
  expected?: string;
  message?: RegExp;
  unverified?: boolean;
}

export interface TextCase {
  name: string;
  text: string;
  model?: WorkbookModel;
  inputs?: 'seed' | InputSheetValues;
  /** valid cases: also require no 无法核对 finding. */
  noUnverified?: boolean;
}

export interface InvalidCase extends TextCase {
  findings: ExpectedFinding[];
}

function inputsOf(c: TextCase): Inputs {
  if (!c.inputs) return emptyInputs();
  return inputsFromValues(c.inputs === 'seed' ? SEED_2021_INPUTS : c.inputs);
}

export function runRuleOn(rule: NarrativeRule, c: TextCase): TextFinding[] {
  const model = c.model ?? seedModel();
  const inputs = inputsOf(c);
  const parsed = parseNarrative(c.text, vocabularyFromModel(model));
  const out = runNarrativeRules(parsed, computeFigures(model, inputs), model, inputs, { rules: [rule] });
  for (const f of out) assert.equal(c.text.slice(f.start, f.end), f.quote, 'quote is the exact substring');
  return out;
}

export function ruleTester(rule: NarrativeRule, cases: { valid: TextCase[]; invalid: InvalidCase[] }): void {
  describe(`narrative rule ${rule.meta.id} (docs/domain/rules.md ${rule.meta.rulesMd})`, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const found = runRuleOn(rule, c).filter((f) => !f.unverified || c.noUnverified);
        assert.deepEqual(
          found.map((f) => `${f.quote}: ${f.message}`),
          [],
        );
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRuleOn(rule, c);
        assert.deepEqual(
          found.map((f) => ({
            quote: f.quote,
            severity: f.severity,
            ...(f.expected !== undefined ? { expected: f.expected } : {}),
            ...(f.unverified ? { unverified: true } : {}),
          })),
          c.findings.map((f) => ({
            quote: f.quote,
            severity: f.severity,
            ...(f.expected !== undefined ? { expected: f.expected } : {}),
            ...(f.unverified ? { unverified: true } : {}),
          })),
          found.map((f) => f.message).join('\n'),
        );
        c.findings.forEach((f, i) => {
          if (f.message) assert.match(found[i].message, f.message);
        });
      });
    }
  });
}
