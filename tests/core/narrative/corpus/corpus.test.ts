import { strict as assert } from 'assert';
import fc from 'fast-check';
import { editionById } from '../../../../src/core/editions';
import { draftFromModel, narrativeText } from '../../../../src/core/narrative/draft';
import { parseNarrative } from '../../../../src/core/narrative/parse';
import { vocabularyFromModel } from '../../../../src/core/narrative/parse/vocabulary';
import { computeFigures } from '../../../../src/core/figures';
import { emptyInputs } from '../../../../src/core/inputs';
import type { Figures } from '../../../../src/core/figures/types';
import { runNarrativeRules, type TextFinding } from '../../../../src/core/narrative/verify';
import { MISTAKE_CLASSES, plant, type MistakeClass, type Planted } from './mutate';
import { STYLES, type NarrativeStyle } from './styles';
import { workbookOfSeed, type CorpusWorkbook } from './workbooks';

/**
 * The generated corpus (issue #8): random consistent workbooks (with a filled 补充信息
 * sheet), narrated in the eight styles of narrative-styles.md by the drafter's own
 * grammar, then given one planted mistake of a class real reports publish.
 *
 *   clean texts:    no finding but 无法核对, and every number tied to a figure;
 *   planted:        the mistake found where it was planted (尾数差异 for a 0.01 gap),
 *                   and no finding outside the planted sentence's paragraph.
 *
 * Runs per style: CORPUS_RUNS (default 38, so 8 × 38 = 304 workbooks); the seeds are
 * fixed, so every run checks the same texts. CORPUS_REPORT=1 prints the figures the
 * narrative README quotes.
 */
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const RUNS = Number(process.env.CORPUS_RUNS ?? 38);
const SEED = 20261205;

type Tally = { texts: number; tied: number; unverified: number; planted: number; found: number; falseFindings: number };
const tally = new Map<string, Tally>();
const byClass = new Map<MistakeClass, { planted: number; found: number }>();

function narrate(wb: CorpusWorkbook, style: NarrativeStyle, edition?: string): string {
  const text = narrativeText(draftFromModel(wb.model, wb.inputs, { style: style.draft, edition }));
  return style.reshape ? style.reshape(text) : text;
}

const substantive = (f: TextFinding) => f.severity !== 'unverified';
const overlaps = (f: TextFinding, [a, b]: [number, number]) => f.start < b && f.end > a;

/** What verifyText does, with the figures and vocabulary computed once per workbook. */
function verify(wb: CorpusWorkbook, figures: Figures, text: string) {
  const parsed = parseNarrative(text, vocabularyFromModel(wb.model));
  return { parsed, findings: runNarrativeRules(parsed, figures, wb.model, wb.inputs) };
}

function checkClean(wb: CorpusWorkbook, figures: Figures, style: NarrativeStyle, text: string, t: Tally): void {
  const { parsed, findings } = verify(wb, figures, text);
  assert.deepEqual(
    findings.filter(substantive).map((f) => `${f.quote}：${f.message}`),
    [],
    text,
  );
  const unverified = findings.filter((f) => f.severity === 'unverified');
  // Every number the text states is tied to a figure: losing a style's recognition fails here.
  const statements = parsed.statements;
  const tied = statements.filter((s) => s.subject && !s.inReason && s.kind !== 'percent');
  assert.equal(unverified.length, 0, `${style.name}: ${unverified.map((f) => `${f.quote} ${f.message}`).join('\n')}`);
  assert.equal(
    tied.length,
    statements.length,
    `${style.name}: untied ${statements
      .filter((s) => !tied.includes(s))
      .map((s) => s.quote)
      .join('、')}`,
  );
  assert.ok(tied.length >= 60, `${style.name}: only ${tied.length} statements tied`);
  t.texts++;
  t.tied += tied.length;
  t.unverified += unverified.length;
}

describe('narrative corpus: random workbooks in eight regional styles, with planted mistakes', function () {
  this.timeout(120_000);

  STYLES.forEach((style, si) => {
    it(`${style.name}: clean texts have no finding; each planted mistake is found where it was planted`, () => {
      const t: Tally = { texts: 0, tied: 0, unverified: 0, planted: 0, found: 0, falseFindings: 0 };
      tally.set(style.name, t);
      fc.assert(
        fc.property(fc.nat(), fc.nat(MISTAKE_CLASSES.length - 1), unit, unit, (seed, ci, r, r2) => {
          const wb = workbookOfSeed(seed);
          const figures = computeFigures(wb.model, wb.inputs);
          const text = narrate(wb, style);
          checkClean(wb, figures, style, text, t);
          // One planted mistake; a class with no place in this text takes the next one.
          let found: Planted | undefined;
          for (let k = 0; k < MISTAKE_CLASSES.length && !found; k++) found = plant(text, MISTAKE_CLASSES[(ci + k) % MISTAKE_CLASSES.length], r, r2);
          assert.ok(found, 'no place to plant any mistake');
          const planted: Planted = found;
          const c = byClass.get(planted.cls) ?? { planted: 0, found: 0 };
          byClass.set(planted.cls, c);
          c.planted++;
          t.planted++;
          const { findings } = verify(wb, figures, planted.text);
          const hit = planted.spans.every((sp) => findings.some((f) => f.severity === planted.severity && overlaps(f, sp)));
          assert.ok(
            hit,
            `${style.name} / ${planted.cls} not found at ${JSON.stringify(planted.spans.map(([a, b]) => planted.text.slice(a, b)))}:\n${findings.map((f) => `${f.severity} ${f.quote} ${f.message}`).join('\n')}`,
          );
          c.found++;
          t.found++;
          // Nothing outside the planted paragraph (a sum beside it may show the 尾数差异 too).
          const lineOf = (pos: number) => planted.text.slice(0, pos).split('\n').length;
          const lines = new Set(planted.spans.map(([a]) => lineOf(a)));
          const elsewhere = findings.filter(
            (f) => substantive(f) && f.severity !== 'rounding' && !planted.spans.some((sp) => overlaps(f, sp)) && !lines.has(lineOf(f.start)),
          );
          t.falseFindings += elsewhere.length;
          assert.deepEqual(
            elsewhere.map((f) => `${f.quote}：${f.message}`),
            [],
            `${style.name} / ${planted.cls}`,
          );
        }),
        { numRuns: RUNS, seed: SEED + si },
      );
    });
  });

  it('the same workbooks in every style and edition: every number tied, nothing but 无法核对', () => {
    fc.assert(
      fc.property(fc.nat(), fc.constantFrom('2021', '2023', 'shanghai'), (seed, edition) => {
        const wb = workbookOfSeed(seed);
        editionById(edition);
        const figures = computeFigures(wb.model, wb.inputs, { edition });
        for (const style of STYLES)
          checkClean(wb, figures, style, narrate(wb, style, edition), { texts: 0, tied: 0, unverified: 0, planted: 0, found: 0, falseFindings: 0 });
      }),
      { numRuns: 4, seed: SEED },
    );
  });

  it('without the 补充信息 sheet: no accusation on clean texts, and the mistakes the text itself shows are still found', () => {
    const internal: MistakeClass[] = ['completion', 'change-rate', 'share', 'share-swap', 'sign-compare', 'amount', 'leftover'];
    const none = emptyInputs();
    fc.assert(
      fc.property(fc.nat(), fc.nat(STYLES.length - 1), fc.nat(internal.length - 1), unit, unit, (seed, si, ci, r, r2) => {
        const wb = workbookOfSeed(seed);
        const style = STYLES[si];
        const bare = { ...wb, inputs: none };
        const figures = computeFigures(wb.model, none);
        const text = narrate(wb, style);
        const clean = verify(bare, figures, text).findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(
          clean.map((f) => `${f.quote}：${f.message}`),
          [],
          `${style.name}`,
        );
        let found: Planted | undefined;
        for (let k = 0; k < internal.length && !found; k++) found = plant(text, internal[(ci + k) % internal.length], r, r2);
        if (!found) return;
        const planted: Planted = found;
        const { findings } = verify(bare, figures, planted.text);
        // Found where planted, or — for an amount only the 补充信息 sheet holds — by what it
        // breaks in its own sentence (the rate beside it).
        const sentence = ([a, b]: [number, number]): [number, number] => {
          const from = Math.max(planted.text.lastIndexOf('。', a - 1), planted.text.lastIndexOf('\n', a - 1)) + 1;
          const stops = [planted.text.indexOf('。', b), planted.text.indexOf('\n', b)].filter((x) => x >= 0);
          return [from, stops.length ? Math.min(...stops) : planted.text.length];
        };
        const hit = planted.spans.every((sp) => findings.some((f) => f.severity === planted.severity && (overlaps(f, sp) || overlaps(f, sentence(sp)))));
        assert.ok(
          hit,
          `${style.name} / ${planted.cls} without inputs not found at ${JSON.stringify(planted.spans.map(([a, b]) => planted.text.slice(a, b)))}:\n${findings
            .filter(substantive)
            .map((f) => `${f.severity} ${f.quote} ${f.message}`)
            .join('\n')}`,
        );
      }),
      { numRuns: 24, seed: SEED + 99 },
    );
  });

  after(() => {
    if (!process.env.CORPUS_REPORT) return;
    const rows = [...tally].map(
      ([name, t]) => `| ${name} | ${t.texts} | ${(t.tied / Math.max(1, t.texts)).toFixed(1)} | ${t.unverified} | ${t.found}/${t.planted} | ${t.falseFindings} |`,
    );
    console.log(['| style | texts | statements tied per text | 无法核对 | planted found | false findings |', '|---|---|---|---|---|---|', ...rows].join('\n'));
    console.log([...byClass].map(([c, x]) => `${c}: ${x.found}/${x.planted}`).join('; '));
  });
});
