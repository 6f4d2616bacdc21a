import { strict as assert } from 'assert';
import fc from 'fast-check';
import { matchLines, nameKey } from '../../../src/core/last-year';
import { codeLevel, type Line, type TableModel } from '../../../src/core/model/tables';

/**
 * Property: pairing 类/项 across two years never guesses. Random "this year" tables are
 * derived from random "last year" tables by the changes editions make — a 科目 renamed
 * (same code), recoded (same name, new code), dropped, or new — and the pairing must:
 *   - pair by code exactly the lines whose code exists in both years;
 *   - pair by name only lines whose codes exist in one year each, with equal names;
 *   - use no last-year line twice;
 *   - account for every current line with money: paired, or listed as unmatched;
 *   - recover every recoding whose name is unique among the candidates.
 */

interface Spec {
  code: string;
  name: string;
  money: number;
}

const NAMES = ['行政运行', '一般行政管理事务', '机关服务', '事业运行', '其他支出', '专项业务', '信息化建设', '后勤保障'];

function table(specs: Spec[]): TableModel {
  const lines: Line[] = [];
  const classes = new Set(specs.map((s) => s.code.slice(0, 3)));
  const sections = new Set(specs.map((s) => s.code.slice(0, 5)));
  let row = 0;
  const cell = () => ({ sheet: 'T', address: `E${++row}` });
  for (const c of classes) {
    const money = specs.filter((s) => s.code.startsWith(c)).reduce((a, s) => a + s.money, 0);
    lines.push({ id: c, code: c, level: 'class', label: `类${c}`, row, values: { total: { value: money, blank: false, cell: cell() } } });
  }
  for (const k of sections) lines.push({ id: k, code: k, level: 'section', label: `款${k}`, row, values: {} });
  for (const s of specs)
    lines.push({ id: s.code, code: s.code, level: codeLevel(s.code), label: s.name, row, values: { total: { value: s.money, blank: false, cell: cell() } } });
  return { key: 'gpbExpenditure', title: 'T', sheet: 'T', range: { top: 0, left: 0, bottom: row, right: 5 }, columns: { total: 4 }, lines, notes: [] };
}

const itemArb = fc.record({
  sec: fc.constantFrom('20101', '20103', '20199'),
  tail: fc.integer({ min: 1, max: 99 }),
  name: fc.constantFrom(...NAMES),
  money: fc.integer({ min: 1, max: 50000 }).map((x) => x / 100),
  change: fc.constantFrom('same', 'same', 'renamed', 'recoded', 'dropped', 'split'),
});

describe('last year: property — pairing 类/项 across years never guesses', () => {
  it('holds for random editions of random tables', () => {
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 12 }), fc.array(itemArb, { maxLength: 3 }), (items, fresh) => {
        const last: Spec[] = [];
        const cur: Spec[] = [];
        const used = new Set<string>();
        const recoded: Array<[string, string, string]> = [];
        for (const it of items) {
          const code = `${it.sec}${String(it.tail).padStart(2, '0')}`;
          if (used.has(code)) continue;
          used.add(code);
          last.push({ code, name: it.name, money: it.money });
          if (it.change === 'same') cur.push({ code, name: it.name, money: it.money + 1 });
          if (it.change === 'renamed') cur.push({ code, name: `${it.name}（调整）`, money: it.money });
          if (it.change === 'recoded') {
            const fresh2 = `${it.sec}${String(((it.tail + 50) % 99) + 1).padStart(2, '0')}`;
            if (used.has(fresh2)) continue;
            used.add(fresh2);
            cur.push({ code: fresh2, name: it.name, money: it.money });
            recoded.push([code, fresh2, it.name]);
          }
          if (it.change === 'split') {
            // Two new codes with the old name (a 项 split in two): never paired by name.
            for (const k of [40, 70]) {
              const c2 = `${it.sec}${String(((it.tail + k) % 99) + 1).padStart(2, '0')}`;
              if (used.has(c2)) continue;
              used.add(c2);
              cur.push({ code: c2, name: it.name, money: it.money / 2 });
            }
          }
        }
        for (const it of fresh) {
          const code = `${it.sec}${String(it.tail).padStart(2, '0')}`;
          if (used.has(code)) continue;
          used.add(code);
          cur.push({ code, name: `新增${it.name}`, money: it.money });
        }
        const curT = table(cur);
        const lastT = table(last);
        const m = matchLines(curT, lastT, 'total', '公开05表');
        const curCodes = new Set(curT.lines.map((l) => l.code));
        const lastCodes = new Set(lastT.lines.map((l) => l.code));
        const seen = new Set<Line>();
        for (const p of m.pairs) {
          assert.ok(!seen.has(p.last), `last-year line ${p.last.code} used twice`);
          seen.add(p.last);
          assert.equal(p.current.level, p.last.level);
          if (p.by === 'code') assert.equal(p.current.code, p.last.code);
          else {
            assert.ok(!lastCodes.has(p.current.code), `${p.current.code} exists last year: must pair by code`);
            assert.ok(!curCodes.has(p.last.code), `${p.last.code} exists this year: must not pair by name`);
            assert.equal(nameKey(p.current.label), nameKey(p.last.label));
            // No second line of this year with the same name in the same 款 could claim it.
            const rivals = curT.lines.filter(
              (c) =>
                c !== p.current &&
                c.level === p.current.level &&
                !lastCodes.has(c.code) &&
                nameKey(c.label) === nameKey(p.current.label) &&
                c.code!.slice(0, 5) === p.last.code!.slice(0, 5),
            );
            assert.equal(rivals.length, 0, `${p.current.code} ← ${p.last.code} while ${rivals.map((r) => r.code).join()} has the same name`);
          }
        }
        // Every class/item with money: paired or listed.
        for (const l of curT.lines) {
          if (l.level !== 'class' && l.level !== 'item') continue;
          const paired = m.pairs.some((p) => p.current === l);
          const listed = m.unmatched.some((u) => u.side === 'current' && u.code === l.code);
          assert.ok(paired !== listed, `${l.code}: paired ${paired}, listed ${listed}`);
          if (lastCodes.has(l.code)) assert.ok(paired, `${l.code} exists in both years`);
        }
        // A recoding within its 款 is recovered when its name is unique there on both sides.
        for (const [from, to, name] of recoded) {
          const lastCandidates = last.filter((s) => !curCodes.has(s.code) && s.name === name && s.code.slice(0, 5) === from.slice(0, 5));
          const curCandidates = cur.filter((s) => !lastCodes.has(s.code) && s.name === name && s.code.slice(0, 5) === to.slice(0, 5));
          if (lastCandidates.length === 1 && curCandidates.length === 1) {
            const p = m.pairs.find((x) => x.current.code === to);
            assert.equal(p?.last.code, from, `${from} → ${to} (${name})`);
          }
        }
      }),
      { numRuns: 300, seed: 20211231 },
    );
  });
});
