import { a1, parseA1, type CellRef } from '../cells';
import type { DiagnosedFinding, Finding } from '../findings/finding';
import type { Amount, ColumnId, Line, TableKey, WorkbookModel } from '../model/tables';
import { formatAmount, formatDifference, gapOf, ZERO_GAP } from '../rules/compare';
import { tableNumber } from '../rules/engine';
import { columnName, lineName } from '../rules/lines';
import type { ComparisonLog, FlatTerms } from '../rules/log';

/**
 * The diagnosis pass ("one slip, one finding", issue #9). Over the comparisons the rules
 * made (src/core/rules, `CheckOptions.comparisons`), it looks for one change that makes a
 * set of failing comparisons hold at once and breaks none that held:
 *
 *  - one cell off (an added amount, transposed digits, a subtotal typed instead of its
 *    formula): the cell moves by Δ;
 *  - a figure typed into the neighbouring row: one cell gives Δ to the cell above or below
 *    it in the same column.
 *
 * A change carries into the totals that add the cell up and agree with it exactly now (a
 * 合计 / 小计 / 类 / 款 whose sum comparison holds to the cent — a formula, or a total typed
 * consistently; a total within a rounding gap of its parts was typed and stays):
 * they move with it, as they would when the cell is corrected. Δ is solved from each
 * failing equality the change touches; the Δ that makes the most failures hold wins.
 *
 * Policy (precision before recall):
 *  - a failure within the rounding bound (尾数差异) is never explained, and a change may not
 *    turn any comparison that holds (within its bound) into a failure;
 *  - a diagnosis explains at least one error (never promotes warnings alone);
 *  - a diagnosis of a single failure is made only when exactly one change fixes it;
 *  - when two or more changes explain the same failures, the finding says so and lists
 *    every candidate cell (cells[0] is the first of them; its value is `expected`);
 *  - a change must fix every failure it touches (else it is not the explanation);
 *  - diagnoses are found greedily, the largest first; each is applied before the next is
 *    sought;
 *  - when no single change explains any remaining error, two changes (one-cell or
 *    neighbouring-row) that share a failing comparison are sought (`pairOutcomes`): each Δ
 *    from the failures only it touches, both needed, every comparison either touches
 *    holding afterwards, a correction the tables could hold (`plausible`), no rival pair
 *    as good that corrects other figures. They give two findings; a failure both explain
 *    is nested under the first.
 */

interface Entry {
  rec: number;
  /** Coefficient of the figure in the record (Σ of its signed occurrences). */
  k: number;
}

interface State {
  log: ComparisonLog;
  /** The log's terms, flat. */
  flat: FlatTerms;
  /** Current left − right of each comparison (after the diagnoses applied so far). */
  diff: number[];
  /** Rounding bound of each comparison (computed when first needed). */
  bounds: Array<number | undefined>;
  /** Comparisons that are failures to explain (beyond their bound, error or warning). */
  target: boolean[];
  /** Comparisons by figure, for the figures indexed so far (see `ensure`). */
  index: Map<Amount, Entry[]>;
}

interface Change {
  /** Multipliers: each moved figure moves by m × Δ. */
  moves: Map<Amount, number>;
  /** The suspect figure(s) (one cell, or the two cells of a neighbouring-row slip). */
  origin: Amount[];
}

interface Outcome {
  change: Change;
  delta: number;
  explained: number[];
  residual: number;
}

/** Candidates spelt out in a message (all are in `cells`). */
const SHOWN = 4;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** n parts × tolerance, as the rules' rounding policy (compare.ts roundingParts). */
function boundOf(state: State, r: number): number {
  let b = state.bounds[r];
  if (b === undefined) {
    const { log, flat } = state;
    let n = 0;
    for (let i = flat.starts[r]; i < flat.starts[r + 1]; i++) if (!flat.amounts[i].blank) n++;
    b = Math.max(1, n - 1) * log.tolerances[r];
    state.bounds[r] = b;
  }
  return b;
}

const holdsAt = (state: State, r: number, difference: number) => gapOf(difference, state.log.relations[r]) <= boundOf(state, r) + ZERO_GAP;

/** The comparison a term index belongs to (binary search over the starts). */
function comparisonOfTerm(flat: FlatTerms, i: number): number {
  let lo = 0;
  let hi = flat.starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (flat.starts[mid] <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Index the comparisons of these figures (one pass over all terms for the new ones), and
 * of every figure that follows them, upwards, until nothing new: afterwards every figure a
 * change of theirs can move is indexed. Only the neighbourhood of the failures is ever
 * indexed, so a workbook with few failures costs a few passes, not a full index.
 */
function ensure(state: State, figures: Iterable<Amount>): void {
  const { flat } = state;
  let pending = new Set<Amount>();
  for (const a of figures) if (!state.index.has(a)) pending.add(a);
  while (pending.size > 0) {
    for (const a of pending) state.index.set(a, []);
    for (let i = 0; i < flat.amounts.length; i++) {
      const a = flat.amounts[i];
      if (!pending.has(a)) continue;
      const r = comparisonOfTerm(flat, i);
      const list = state.index.get(a)!;
      const last = list[list.length - 1];
      if (last && last.rec === r) last.k += flat.signs[i];
      else list.push({ rec: r, k: flat.signs[i] });
    }
    const next = new Set<Amount>();
    for (const a of pending) {
      for (const e of state.index.get(a)!) {
        const f = flat.followers[e.rec];
        if (f >= 0 && !state.index.has(flat.amounts[f])) next.add(flat.amounts[f]);
      }
    }
    pending = next;
  }
}

/**
 * The figures that move when `start` moves by `scale`: itself, then every figure that
 * follows it through a derived comparison holding exactly now (recursively, upwards only).
 */
function propagate(state: State, start: Amount, scale: number, into: Map<Amount, number>): void {
  const queue: Array<[Amount, number]> = [[start, scale]];
  const seen = new Set<Amount>();
  while (queue.length > 0) {
    const [a, m] = queue.shift()!;
    if (seen.has(a)) continue;
    seen.add(a);
    into.set(a, (into.get(a) ?? 0) + m);
    for (const e of state.index.get(a) ?? []) {
      const f = state.flat.followers[e.rec];
      // Only a figure that agrees exactly (a formula, or typed to the cent) follows its sources.
      if (f < 0 || state.target[e.rec] || Math.abs(state.diff[e.rec]) > ZERO_GAP) continue;
      const follower = state.flat.amounts[f];
      if (follower === a) continue;
      // Σ k × figure stays put: a source with coefficient k moving by m moves the follower by −k × m / its sign.
      queue.push([follower, (-e.k * m) / state.flat.signs[f]]);
    }
  }
  for (const [a, m] of into) if (Math.abs(m) < ZERO_GAP) into.delete(a);
}

/** Records touched by a change, with the change's coefficient in each. */
function touched(state: State, change: Change): Map<number, number> {
  const out = new Map<number, number>();
  for (const [a, m] of change.moves) {
    for (const e of state.index.get(a) ?? []) out.set(e.rec, (out.get(e.rec) ?? 0) + e.k * m);
  }
  return out;
}

/** The best Δ for a change, or undefined when none fixes a failure without breaking anything. */
function evaluate(state: State, change: Change): Outcome | undefined {
  const coeff = touched(state, change);
  const deltas = new Set<number>();
  for (const [r, K] of coeff) {
    if (!state.target[r] || state.log.relations[r] !== 'eq' || Math.abs(K) < ZERO_GAP) continue;
    deltas.add(round6(-state.diff[r] / K));
  }
  let best: Outcome | undefined;
  for (const delta of deltas) {
    if (Math.abs(delta) < ZERO_GAP) continue;
    const explained: number[] = [];
    let residual = 0;
    let ok = true;
    for (const [r, K] of coeff) {
      const next = round6(state.diff[r] + K * delta);
      const fine = holdsAt(state, r, next);
      if (state.target[r]) {
        if (!fine) {
          ok = false; // a failure the change touches but does not fix: not this change
          break;
        }
        explained.push(r);
      } else if (!fine) {
        ok = false;
        break;
      }
      residual += Math.abs(next);
    }
    if (!ok || explained.length === 0) continue;
    if (!best || explained.length > best.explained.length || (explained.length === best.explained.length && residual < best.residual - ZERO_GAP)) {
      best = { change, delta, explained, residual };
    }
  }
  return best;
}

/** One candidate change for the pair search (one cell, or a neighbouring-row slip), with the comparisons it touches. */
interface Move {
  change: Change;
  coeff: Map<number, number>;
}

/**
 * Two slips that share a failing comparison: each cell's Δ is solved from the failures only
 * it touches; together they must make every comparison either touches hold.
 */
interface PairOutcome {
  first: Outcome;
  second: Outcome;
  /** Failures only the first / only the second touches, and those both touch. */
  own: [number[], number[]];
  shared: number[];
  explained: number[];
  residual: number;
}

/** Candidate cells above this many: no pair search (its cost grows with their square). */
export const PAIR_CELLS = 400;
/** Pairs evaluated per round at most. */
export const PAIR_BUDGET = 20_000;

/** Δs that fix the failing equalities X touches and Y does not. */
function ownDeltas(state: State, x: Move, y: Move): number[] {
  const out = new Set<number>();
  for (const [r, K] of x.coeff) {
    if (!state.target[r] || state.log.relations[r] !== 'eq' || Math.abs(K) < ZERO_GAP) continue;
    if (Math.abs(y.coeff.get(r) ?? 0) >= ZERO_GAP) continue;
    const d = round6(-state.diff[r] / K);
    if (Math.abs(d) >= ZERO_GAP) out.add(d);
  }
  return [...out];
}

/** The best pair of Δs for two cells, or undefined (see PairOutcome). */
function evaluatePair(state: State, x: Move, y: Move): PairOutcome | undefined {
  // A cell that follows the other (a 款 summed by formula over its 项) is not a second slip.
  if (y.change.origin.some((a) => x.change.moves.has(a)) || x.change.origin.some((a) => y.change.moves.has(a))) return undefined;
  const dx = ownDeltas(state, x, y);
  const dy = ownDeltas(state, y, x);
  if (dx.length === 0 || dy.length === 0) return undefined;
  const recs = new Set<number>([...x.coeff.keys(), ...y.coeff.keys()]);
  let best: PairOutcome | undefined;
  for (const a of dx) {
    if (!plausible(x.change, a)) continue;
    for (const b of dy) {
      if (!plausible(y.change, b)) continue;
      const own: [number[], number[]] = [[], []];
      const shared: number[] = [];
      let residual = 0;
      let ok = true;
      for (const r of recs) {
        const kx = x.coeff.get(r) ?? 0;
        const ky = y.coeff.get(r) ?? 0;
        const next = round6(state.diff[r] + kx * a + ky * b);
        if (!holdsAt(state, r, next)) {
          ok = false; // a failure left, or a comparison that held now broken
          break;
        }
        if (state.target[r]) {
          const inX = Math.abs(kx) >= ZERO_GAP;
          const inY = Math.abs(ky) >= ZERO_GAP;
          if (inX && inY) shared.push(r);
          else if (inX) own[0].push(r);
          else if (inY) own[1].push(r);
        }
        residual += Math.abs(next);
      }
      // Both slips needed (each fixes a failure of its own) and one failure they share.
      if (!ok || shared.length === 0 || own[0].length === 0 || own[1].length === 0) continue;
      const explained = [...own[0], ...own[1], ...shared];
      if (!best || explained.length > best.explained.length || (explained.length === best.explained.length && residual < best.residual - ZERO_GAP)) {
        best = {
          first: { change: x.change, delta: a, explained: [...own[0], ...shared], residual: 0 },
          second: { change: y.change, delta: b, explained: own[1], residual: 0 },
          own,
          shared,
          explained,
          residual,
        };
      }
    }
  }
  return best;
}

/**
 * A correction the tables could hold, for pairs (where more corrections fit the equations
 * than for one cell): no figure that is zero or more now becomes negative (the amounts of
 * these tables are not negative; a slip's true correction restores them), and a
 * neighbouring-row slip moves a whole figure — the cell holding it becomes empty and the
 * cell it belongs in is empty now — not part of one.
 */
function plausible(change: Change, delta: number): boolean {
  const [a, b] = change.origin;
  if (!b) return a.value < 0 || a.value + delta > -ZERO_GAP;
  const zero = (x: number) => Math.abs(x) < ZERO_GAP;
  return (zero(a.value - delta) && zero(b.value)) || (zero(b.value + delta) && zero(a.value));
}

/** One-cell changes of the candidate cells. */
function singleMoves(state: State, cells: Amount[]): Move[] {
  const out: Move[] = [];
  for (const a of cells) {
    if (!Number.isFinite(a.value)) continue;
    const moves = new Map<Amount, number>();
    propagate(state, a, 1, moves);
    const change: Change = { moves, origin: [a] };
    out.push({ change, coeff: touched(state, change) });
  }
  return out;
}

/** Neighbouring-row changes: `a` gives Δ to `other` (both indexed). */
function neighbourChange(state: State, a: Amount, other: Amount): Change {
  const moves = new Map<Amount, number>();
  propagate(state, a, -1, moves);
  propagate(state, other, 1, moves);
  return { moves, origin: [a, other] };
}

/** Pairs of changes that share a failing comparison, each pair with its best Δs (at most PAIR_BUDGET pairs). */
function pairOutcomes(state: State, moves: Move[]): PairOutcome[] {
  const byRec = new Map<number, number[]>();
  moves.forEach((m, i) => {
    for (const [r, K] of m.coeff) {
      if (!state.target[r] || Math.abs(K) < ZERO_GAP) continue;
      const list = byRec.get(r);
      if (list) list.push(i);
      else byRec.set(r, [i]);
    }
  });
  const tried = new Set<number>();
  const out: PairOutcome[] = [];
  let budget = PAIR_BUDGET;
  for (const list of byRec.values()) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const id = list[i] * moves.length + list[j];
        if (tried.has(id)) continue;
        tried.add(id);
        if (--budget < 0) return out;
        const o = evaluatePair(state, moves[list[i]], moves[list[j]]);
        if (o) out.push(o);
      }
    }
  }
  return out;
}

/** Where a figure sits, for messages and neighbours. */
interface Place {
  key?: TableKey;
  line?: Line;
  col?: ColumnId;
  amount: Amount;
}

/** Figures by sheet and address, built per sheet when first asked. */
class Places {
  private readonly sheets = new Map<string, Map<string, Place>>();
  constructor(private readonly model: WorkbookModel) {}

  private cells(sheet: string): Map<string, Place> {
    let cells = this.sheets.get(sheet);
    if (cells) return cells;
    cells = new Map();
    for (const t of Object.values(this.model.tables)) {
      // A table's figures sit on its own sheet.
      if (!t || t.sheet !== sheet) continue;
      for (const line of t.lines) {
        for (const col in line.values) {
          const amount = line.values[col];
          if (amount && amount.cell.sheet === sheet) cells.set(amount.cell.address, { key: t.key, line, col, amount });
        }
      }
    }
    this.sheets.set(sheet, cells);
    return cells;
  }

  cellAt(sheet: string, row: number, col: number): Place | undefined {
    return this.cells(sheet).get(a1(row, col));
  }

  /** For messages (a few calls): a scan of the sheet's tables, no map built. */
  placeOf(a: Amount): Place | undefined {
    const built = this.sheets.get(a.cell.sheet);
    if (built) return built.get(a.cell.address);
    for (const t of Object.values(this.model.tables)) {
      if (!t || t.sheet !== a.cell.sheet) continue;
      for (const line of t.lines) {
        for (const col in line.values) {
          const x = line.values[col];
          if (x && (x === a || x.cell.address === a.cell.address)) return { key: t.key, line, col, amount: x };
        }
      }
    }
    return undefined;
  }
}

const keyOf = (c: CellRef) => `${c.sheet}!${c.address}`;

/** "公开05表 D12 2010302项项目支出". */
function cellLabel(model: WorkbookModel, place: Place | undefined, cell: CellRef): string {
  if (!place?.key || !place.line) return `${cell.sheet} ${cell.address}`;
  const col = place.col === undefined || place.col === 'amount' ? '' : columnName(place.key, place.col === 'exp.amount' ? 'amount' : place.col);
  return `公开${tableNumber(model, place.key)}表 ${cell.address} ${lineName(place.line, place.key)}${col}`;
}

/** True when b is a with two adjacent digits swapped (734.30 / 743.30). */
export function isTransposition(a: number, b: number): boolean {
  const x = Math.abs(a).toFixed(2);
  const y = Math.abs(b).toFixed(2);
  if (x.length !== y.length || Math.sign(a) !== Math.sign(b) || x === y) return false;
  const diff: number[] = [];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff.push(i);
  if (diff.length !== 2) return false;
  const [i, j] = diff;
  const adjacent = j === i + 1 || (j === i + 2 && x[i + 1] === '.');
  return adjacent && x[i] === y[j] && x[j] === y[i];
}

export interface DiagnoseInput {
  model: WorkbookModel;
  /** The rules' findings (top level, as runRules returns them). */
  findings: Finding[];
  /** Every comparison the rules made (CheckOptions.comparisons). */
  comparisons: ComparisonLog;
}

/**
 * The findings with each diagnosed slip folded: one `likely-slip` finding per slip, the
 * failures it explains nested under it (and removed from the top level). Diagnosed
 * findings come first, in the order found; the other findings keep their order.
 */
export function diagnose(input: DiagnoseInput): Finding[] {
  const { model, findings, comparisons: log } = input;
  const target: boolean[] = new Array<boolean>(log.size).fill(false);
  const targets: number[] = [];
  for (const [r, f] of log.findings) {
    if (f.severity === 'error' || f.severity === 'warning') {
      target[r] = true;
      targets.push(r);
    }
  }
  if (targets.length === 0) return findings;
  targets.sort((a, b) => a - b);
  const findingOfRec = (r: number) => log.findings.get(r);
  const flat = log.terms();
  const state: State = { log, flat, diff: log.differences.slice(), bounds: [], target, index: new Map() };
  const places = new Places(model);
  const placeOf = (a: Amount) => places.placeOf(a);
  const value = new Map<Amount, number>();
  const valueOf = (a: Amount) => value.get(a) ?? a.value;

  const order = new Map<Finding, number>(findings.map((f, i) => [f, i]));
  const diagnosed: DiagnosedFinding[] = [];
  const explainedFindings = new Set<Finding>();
  /** Failures two pairs of cells explain equally: never diagnosed by a pair. */
  const noPair = new Set<number>();

  for (let round = 0; round < 10_000; round++) {
    // Candidate cells: every figure of a failure still to explain.
    const cells: Amount[] = [];
    const seen = new Set<Amount>();
    for (const r of targets) {
      if (!state.target[r]) continue;
      for (let i = flat.starts[r]; i < flat.starts[r + 1]; i++) {
        const a = flat.amounts[i];
        if (!seen.has(a)) {
          seen.add(a);
          cells.push(a);
        }
      }
    }
    // A diagnosis explains at least one error: none left, nothing more to find.
    if (cells.length === 0 || !targets.some((r) => state.target[r] && findingOfRec(r)?.severity === 'error')) break;
    ensure(state, cells);
    let neighbourList: Array<[Amount, Amount]> | undefined;
    /** Pairs of a candidate cell and the figure above or below it in its column (indexed). */
    const neighbours = (): Array<[Amount, Amount]> => {
      if (neighbourList) return neighbourList;
      const pairs: Array<[Amount, Amount]> = [];
      const ids = new Set<string>();
      for (const a of cells) {
        const { row, col } = parseA1(a.cell.address);
        for (const r2 of [row - 1, row + 1]) {
          if (r2 < 0) continue;
          const other = places.cellAt(a.cell.sheet, r2, col)?.amount;
          if (!other || !Number.isFinite(other.value)) continue;
          const id = [keyOf(a.cell), keyOf(other.cell)].sort().join('|');
          if (ids.has(id)) continue;
          ids.add(id);
          pairs.push([a, other]);
        }
      }
      ensure(
        state,
        pairs.map(([, other]) => other),
      );
      return (neighbourList = pairs);
    };
    let outcomes: Outcome[] = [];
    for (const a of cells) {
      const moves = new Map<Amount, number>();
      propagate(state, a, 1, moves);
      const o = evaluate(state, { moves, origin: [a] });
      if (o) outcomes.push(o);
    }
    // A figure typed into the neighbouring row: only when no single cell explains two or more.
    if (!outcomes.some((o) => o.explained.length >= 2)) {
      for (const [a, other] of neighbours()) {
        const o = evaluate(state, neighbourChange(state, a, other));
        if (o && o.explained.length >= 2) outcomes.push(o);
      }
    }
    const singleRecs = new Set(outcomes.flatMap((o) => o.explained));
    outcomes = outcomes.filter((o) => o.explained.some((r) => findingOfRec(r)?.severity === 'error'));
    if (outcomes.length === 0) {
      // No single change explains an error: two slips that share a failing comparison?
      if (cells.length > PAIR_CELLS) break;
      const isError = (r: number) => findingOfRec(r)?.severity === 'error';
      // One-cell changes and neighbouring-row slips together: a pair of one kind is never
      // chosen over an equally good pair of the other that corrects other figures.
      const moves = singleMoves(state, cells);
      for (const [a, other] of neighbours()) {
        const change = neighbourChange(state, a, other);
        moves.push({ change, coeff: touched(state, change) });
      }
      const pair = bestPair(pairOutcomes(state, moves), singleRecs, noPair, isError);
      if (!pair) break;
      for (const o of [pair.first, pair.second]) {
        for (const [r, K] of touched(state, o.change)) state.diff[r] = round6(state.diff[r] + K * o.delta);
        for (const [a, m] of o.change.moves) value.set(a, round6(valueOf(a) + m * o.delta));
      }
      for (const r of pair.explained) state.target[r] = false;
      const findingsOf = (recs: number[], taken: Set<Finding>) =>
        recs
          .map((r) => findingOfRec(r)!)
          .filter((f, i, all) => all.indexOf(f) === i && !taken.has(f))
          .sort((x, y) => order.get(x)! - order.get(y)!);
      const firstExplains = findingsOf(pair.first.explained, new Set());
      const secondExplains = findingsOf(pair.second.explained, new Set(firstExplains));
      const sharedCount = findingsOf(pair.shared, new Set()).length;
      for (const f of [...firstExplains, ...secondExplains]) explainedFindings.add(f);
      const corrected = (a: Amount, d: number) => round6(a.value + d);
      const firstCell = suspectOf(pair.first).cell;
      const secondCell = suspectOf(pair.second).cell;
      const firstPlace = cellLabel(model, placeOf(firstCell), firstCell.cell);
      const secondPlace = cellLabel(model, placeOf(secondCell), secondCell.cell);
      diagnosed.push(
        findingOf(model, [pair.first], firstExplains, placeOf, corrected, `其中 ${sharedCount} 处与 ${secondPlace} 的差错共同造成`),
        findingOf(model, [pair.second], secondExplains, placeOf, corrected, `另与 ${firstPlace} 的差错共同造成 ${sharedCount} 处不符，列在该处之下`),
      );
      continue;
    }
    outcomes.sort((x, y) => y.explained.length - x.explained.length || x.residual - y.residual);
    const best = outcomes[0];
    const sameSet = (o: Outcome) => o.explained.length === best.explained.length && o.explained.every((r) => best.explained.includes(r));
    const rivals = outcomes.filter(
      (o) => o !== best && (sameSet(o) || (o.explained.length === best.explained.length && o.explained.some((r) => best.explained.includes(r)))),
    );
    if (best.explained.length === 1 && rivals.length > 0) {
      // One failure and several ways to fix it: the failure itself already names the cells.
      for (const r of best.explained) state.target[r] = false;
      continue;
    }
    const group = [best, ...rivals];
    // Apply the first candidate so later slips are sought on the corrected figures.
    for (const [r, K] of touched(state, best.change)) state.diff[r] = round6(state.diff[r] + K * best.delta);
    for (const [a, m] of best.change.moves) value.set(a, round6(valueOf(a) + m * best.delta));
    for (const r of best.explained) state.target[r] = false;
    for (const o of rivals) for (const r of o.explained) state.target[r] = false;
    const explains = best.explained
      .map((r) => findingOfRec(r)!)
      .filter((f, i, all) => all.indexOf(f) === i)
      .sort((x, y) => order.get(x)! - order.get(y)!);
    for (const f of explains) explainedFindings.add(f);
    diagnosed.push(findingOf(model, group, explains, placeOf, (a, d) => round6(a.value + d)));
  }
  if (diagnosed.length === 0) return findings;
  return [...diagnosed, ...findings.filter((f) => !explainedFindings.has(f))];
}

/** What a pair corrects: each suspect figure's change (a neighbouring-row slip moves two). */
function netOf(p: PairOutcome): Map<Amount, number> {
  const out = new Map<Amount, number>();
  for (const o of [p.first, p.second]) {
    const [a, b] = o.change.origin;
    out.set(a, round6((out.get(a) ?? 0) + (b ? -o.delta : o.delta)));
    if (b) out.set(b, round6((out.get(b) ?? 0) + o.delta));
  }
  for (const [a, d] of out) if (Math.abs(d) < ZERO_GAP) out.delete(a);
  return out;
}

const sameNet = (x: Map<Amount, number>, y: Map<Amount, number>) => x.size === y.size && [...x].every(([a, d]) => Math.abs((y.get(a) ?? NaN) - d) < ZERO_GAP);
const neighbourCount = (p: PairOutcome) => (p.first.change.origin.length > 1 ? 1 : 0) + (p.second.change.origin.length > 1 ? 1 : 0);

/**
 * The pair that explains most failures (then the one with fewer neighbouring-row slips,
 * then the smallest residual), when it explains an error, no single change explains any of
 * its failures, and no other pair explains as many of the same failures with a different
 * correction (then those failures are marked in `noPair` and left as they are). Two pairs
 * that correct the same figures by the same amounts are one explanation.
 */
function bestPair(pairs: PairOutcome[], singleRecs: Set<number>, noPair: Set<number>, isError: (r: number) => boolean): PairOutcome | undefined {
  const usable = pairs.filter((p) => p.explained.some(isError) && !p.explained.some((r) => singleRecs.has(r) || noPair.has(r)));
  usable.sort((x, y) => y.explained.length - x.explained.length || neighbourCount(x) - neighbourCount(y) || x.residual - y.residual);
  for (const p of usable) {
    if (p.explained.some((r) => noPair.has(r))) continue;
    const net = netOf(p);
    const rivals = usable.filter(
      (o) => o !== p && o.explained.length === p.explained.length && o.explained.some((r) => p.explained.includes(r)) && !sameNet(net, netOf(o)),
    );
    if (rivals.length === 0) return p;
    for (const o of [p, ...rivals]) for (const r of o.explained) noPair.add(r);
  }
  return undefined;
}

/** The suspect of a change: for a neighbouring-row slip, the cell whose figure does not belong there. */
function suspectOf(o: Outcome): { cell: Amount; delta: number; partner?: { cell: Amount; delta: number } } {
  if (o.change.origin.length === 1) return { cell: o.change.origin[0], delta: o.delta };
  const [from, to] = o.change.origin; // `from` gives Δ to `to`
  const give = { cell: from, delta: -o.delta };
  const take = { cell: to, delta: o.delta };
  // The figure belongs in the cell that should hold it; the suspect is the one that should not.
  const [suspect, partner] = Math.abs(to.value + o.delta) < ZERO_GAP && Math.abs(from.value - o.delta) >= ZERO_GAP ? [take, give] : [give, take];
  return { ...suspect, partner };
}

function findingOf(
  model: WorkbookModel,
  group: Outcome[],
  explains: Finding[],
  placeOf: (a: Amount) => Place | undefined,
  corrected: (a: Amount, delta: number) => number,
  /** Said inside the parentheses, after the failures (two slips that share failures). */
  note?: string,
): DiagnosedFinding {
  const parts = group.map((o) => {
    const s = suspectOf(o);
    const label = cellLabel(model, placeOf(s.cell), s.cell.cell);
    const expected = corrected(s.cell, s.delta);
    let text = `${label} ${formatAmount(s.cell.value)} 应为 ${formatAmount(expected)}`;
    if (s.partner) {
      const pl = cellLabel(model, placeOf(s.partner.cell), s.partner.cell.cell);
      text += `（疑为本应填在相邻行 ${pl} 的数：该格应为 ${formatAmount(corrected(s.partner.cell, s.partner.delta))}）`;
    } else if (isTransposition(s.cell.value, expected)) {
      text += '（疑为相邻两位数字颠倒）';
    }
    const carried = o.change.moves.size - o.change.origin.length;
    return { s, expected, text, carried };
  });
  const first = parts[0];
  const n = explains.length;
  const gap = formatDifference(first.s.cell.value - first.expected);
  const carried = first.carried > 0 ? `；其上 ${first.carried} 个合计数随之改变（为公式时自动更正）` : '';
  const message =
    parts.length === 1
      ? `${first.text}？（差额 ${gap} ${n > 1 ? `同时造成以下 ${n} 处不符` : n === 1 ? '造成以下 1 处不符' : '造成不符'}${carried}${note ? `；${note}` : ''}）`
      : `以下 ${parts.length} 处任改一处都能使这 ${n} 处不符同时消除，无法确定是哪一处：${parts
          .slice(0, SHOWN)
          .map((p) => p.text)
          .join('；或 ')}${parts.length > SHOWN ? `；等 ${parts.length} 处` : ''}`;
  const cells: CellRef[] = [];
  const seen = new Set<string>();
  for (const p of parts) {
    for (const a of [p.s.cell, ...(p.s.partner ? [p.s.partner.cell] : [])]) {
      if (!seen.has(keyOf(a.cell))) {
        seen.add(keyOf(a.cell));
        cells.push(a.cell);
      }
    }
  }
  return {
    rule: 'likely-slip',
    severity: 'error',
    message,
    cells,
    table: placeOf(first.s.cell)?.key ?? explains[0]?.table,
    expected: first.expected,
    explains,
  };
}
