import { strict as assert } from 'node:assert';
import { HyperFormula } from 'hyperformula';
import { formulaEvaluator, gridSource, MAX_FORMULA_LENGTH, MAX_NESTING, type SourceCell } from '../../../src/core/formulas/evaluate';

/**
 * The evaluator is bounded by Excel's own limits, not by the JS stack: long operator
 * chains are folded in a loop, sign runs counted, nesting beyond MAX_NESTING and
 * formulas beyond 8,192 characters are "not computed" — never a RangeError.
 */

function evaluate(formula: string, cells: Record<string, number> = {}) {
  const map = new Map<string, SourceCell>([['0,0', { formula }]]);
  for (const [k, v] of Object.entries(cells)) map.set(k, { value: v });
  return formulaEvaluator(gridSource([{ name: 'S', cells: map }])).evaluate('S', 0, 0);
}

function hyper(formula: string): unknown {
  const hf = HyperFormula.buildFromArray([[formula]], { licenseKey: 'gpl-v3' });
  const v = hf.getCellValue({ sheet: 0, row: 0, col: 0 });
  hf.destroy();
  return v;
}

describe('formula evaluator bounds', () => {
  it('a long + chain (Excel-length) is computed in a loop (HyperFormula itself overflows its stack on it)', () => {
    const terms = Array.from({ length: 4000 }, (_, i) => (i % 3) + 1);
    const f = `=${terms.join('+')}`;
    assert.ok(f.length <= MAX_FORMULA_LENGTH);
    assert.deepEqual(evaluate(f), { value: terms.reduce((a, b) => a + b, 0) });
    const short = `=${terms.slice(0, 300).join('-')}`;
    assert.deepEqual(evaluate(short), { value: hyper(short) });
  });

  it('mixed chains keep precedence and left associativity (2^3^2 = 64, 10-2-3 = 5, 2+3*4-6/2 = 11)', () => {
    for (const f of ['=2^3^2', '=10-2-3', '=2+3*4-6/2', '=-2^2', '=--3', '=---3', '=1+2=3', '=2*3*4/6']) {
      assert.deepEqual(evaluate(f), { value: hyper(f) }, f);
    }
  });

  it('thousands of signs are counted, not recursed', () => {
    assert.deepEqual(evaluate(`=${'-'.repeat(5001)}1`), { value: -1 });
    assert.deepEqual(evaluate(`=${'-'.repeat(5000)}1`), { value: 1 });
  });

  it('nesting within the limit computes; beyond it is not computed (no stack overflow)', () => {
    const nest = (n: number) => `=${'('.repeat(n)}1${')'.repeat(n)}`;
    assert.deepEqual(evaluate(nest(MAX_NESTING)), { value: 1 });
    const deep = evaluate(nest(4000));
    assert.ok('unsupported' in deep && /嵌套超过/.test(deep.unsupported));
    const sums = `=${'SUM('.repeat(1000)}1${')'.repeat(1000)}`;
    const s = evaluate(sums);
    assert.ok('unsupported' in s && /嵌套超过/.test(s.unsupported));
  });

  it('a formula longer than 8,192 characters (Excel cannot hold it) is not computed', () => {
    const f = `=${Array.from({ length: 20000 }, () => '1').join('+')}`;
    const o = evaluate(f);
    assert.ok('unsupported' in o && /超过 Excel 的上限 8192/.test(o.unsupported));
  });
});
