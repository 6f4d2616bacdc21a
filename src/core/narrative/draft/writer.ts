import type { CellRef } from '../../cells';
import { formatAmount, formatCount } from '../../figures/format';
import type { Figure, FigureBase, FigureId, Figures } from '../../figures/types';
import { inputField, INPUT_SHEET_NAME, type InputKey } from '../../inputs/fields';
import { inputText, type Inputs } from '../../inputs/types';
import { PROMPTS, SIGN_WORDS } from '../patterns';
import { DRAFT_WORDS, pattern, render, writeAmount, writePercent, type FigureSlot, type NumberStyle, type SentenceChoice, type SentenceFamily } from '../grammar';
import type { DraftFigureRef } from './types';
import type { TableKey } from '../../model/tables';

/**
 * Writes one section: states figures (recording which and from which cells),
 * picks sign words from the numbers, and turns anything missing into a visible
 * prompt plus a todo line. Never invents a number or a reason.
 */
/**
 * How a draft is worded beyond its edition: which variant of each sentence family
 * (budget first or last, 比上年 or 与上年相比 …) and how numbers are written. The
 * product drafts in the national style; other styles let the checker's tests narrate
 * the same figures the way other regions do.
 */
export interface DraftStyle {
  sentences?: SentenceChoice;
  numbers?: NumberStyle;
  /** 收、支总计 stated as a pair (四川: 收、支总计各是A、B万元). */
  pairedTotals?: boolean;
}

/** The figure each slot of a sentence reads, relative to its subject. */
const SLOT_FIGURE: Record<FigureSlot, (subject: FigureBase) => FigureId> = {
  amount: (s) => s,
  budget: (s) => `${s}.budget`,
  completion: (s) => `${s}.completion`,
  change: (s) => `${s}.change`,
  changeRate: (s) => `${s}.changeRate`,
  share: (s) => `${s}.share`,
  total: (s) => s,
};

export class SectionWriter {
  private refs = new Map<FigureId, CellRef[]>();
  readonly style: DraftStyle;

  constructor(
    readonly f: Figures,
    readonly inputs: Inputs,
    private readonly todo: string[],
    /** "一、收入支出决算总体情况说明" — prefix of todo lines. */
    readonly where: string,
    /** Sheets of the tables the reader found (see draftFromFigures). */
    readonly found: Partial<Record<TableKey, string>> = {},
    style: DraftStyle = {},
  ) {
    this.style = style;
  }

  /** An amount with its unit as the style writes it ("1474.07万元"), or a prompt. */
  money(id: FigureId): string {
    const fig = this.figure(id);
    return fig ? writeAmount(fig.value, this.style.numbers) : `${this.missing(id)}万元`;
  }

  moneyOr(id: FigureId, key: InputKey): string {
    return this.has(id) ? this.money(id) : `${this.ask(key)}万元`;
  }

  /** A percentage with % as the style writes it ("95.42%"), or a prompt. */
  percent(id: FigureId): string {
    const fig = this.figure(id);
    return fig ? writePercent(fig.value, this.style.numbers) : `${this.missing(id)}%`;
  }

  /**
   * A sentence of the grammar about `subject`: each figure slot reads its figure
   * (signed changes written as magnitudes with their word), the variant from the style,
   * else `variant`, else the family's first. `total` is the denominator of shareOf.
   */
  say(family: SentenceFamily, subject: FigureBase, options: { variant?: string; total?: FigureBase } = {}): string {
    const choice: SentenceChoice = { [family]: this.style.sentences?.[family] ?? options.variant };
    const p = pattern(family, choice);
    const figures: Partial<Record<FigureSlot, number[]>> = {};
    // No String.prototype.matchAll: the task pane runs in ES2017 webviews.
    const slots: string[] = [];
    const slotRe = /\{([a-zA-Z]+)\}/g;
    let sm: RegExpExecArray | null;
    while ((sm = slotRe.exec(p.text))) slots.push(sm[1]);
    let sign = 0;
    for (const name of slots) {
      if (!(name in SLOT_FIGURE)) continue;
      const slot = name as FigureSlot;
      const id = slot === 'total' ? (options.total ?? subject) : SLOT_FIGURE[slot](subject);
      const fig = this.figure(id);
      if (!fig) throw new Error(`no figure ${id} for sentence ${family}/${p.id}`);
      if (slot === 'change') sign = Math.sign(Math.round(fig.value * 100));
      const v = slot === 'change' || slot === 'changeRate' ? Math.abs(fig.value) : fig.value;
      (figures[slot] ??= []).push(v);
    }
    const dir = sign > 0 ? 'up' : sign < 0 ? 'down' : 'flat';
    const words = { changeWord: DRAFT_WORDS.changeWord[dir], rateWord: DRAFT_WORDS.rateWord[dir], compareWord: DRAFT_WORDS.compareWord[dir] };
    return render(p, { figures, words }, this.style.numbers);
  }

  get year(): string {
    return this.f.year !== undefined ? `${this.f.year}年度` : '本年度';
  }

  get yearPlain(): string {
    return this.f.year !== undefined ? `${this.f.year}年` : '本年';
  }

  figure(id: FigureId): Figure | undefined {
    const fig = this.f.get(id);
    if (fig && !this.refs.has(id)) this.refs.set(id, [...fig.cells, ...fig.inputs]);
    return fig;
  }

  has(id: FigureId): boolean {
    return this.f.has(id);
  }

  value(id: FigureId): number | undefined {
    return this.f.value(id);
  }

  /** "1474.07" (no unit) — the caller has checked the figure exists. */
  amt(id: FigureId): string {
    const fig = this.figure(id);
    return fig ? formatAmount(fig.value) : this.missing(id);
  }

  cnt(id: FigureId): string {
    const fig = this.figure(id);
    return fig ? formatCount(fig.value) : this.missing(id);
  }

  /** An amount or, when absent, a prompt naming the 补充信息 field. */
  amtOr(id: FigureId, key: InputKey): string {
    return this.has(id) ? this.amt(id) : this.ask(key);
  }

  cntOr(id: FigureId, key: InputKey): string {
    return this.has(id) ? this.cnt(id) : this.ask(key);
  }

  /** A visible prompt for a 补充信息 field, and a todo line. */
  ask(key: InputKey): string {
    const field = inputField(key);
    this.addTodo(`请在补充信息表填写“${field.label}”${this.cellNote(key)}`);
    return PROMPTS.value(field.label);
  }

  /** One prompt for several 补充信息 fields that belong together. */
  askAll(keys: InputKey[], what: string): string {
    const labels = keys.map((k) => `“${inputField(k).label}”`).join('、');
    const cells = keys.map((k) => this.inputs.values[k]?.cell).filter((c): c is CellRef => !!c);
    const where = cells.length ? `（${cells[0].sheet}!${cells.map((c) => c.address).join('、')}）` : this.cellNote(keys[0]);
    this.addTodo(`请在补充信息表填写${labels}${where}`);
    return PROMPTS.value(what);
  }

  addTodo(what: string): void {
    const line = `${this.where}：${what}`;
    if (!this.todo.includes(line)) this.todo.push(line);
  }

  private cellNote(key: InputKey): string {
    const c = this.inputs.values[key]?.cell;
    return c ? `（${c.sheet}!${c.address}）` : this.inputs.found ? '' : `（${INPUT_SHEET_NAME}表尚未插入）`;
  }

  private missing(id: FigureId): string {
    this.addTodo(`缺少数据（${id}）`);
    return PROMPTS.value('数值');
  }

  /** The reason the user gave, or the prompt 【请填写：主要原因】 and a todo line. */
  reason(key: InputKey): string {
    const r = cleanReason(inputText(this.inputs, key));
    if (r) return r;
    this.addTodo(`请在补充信息表填写“${inputField(key).label}”${this.cellNote(key)}`);
    return PROMPTS.reason;
  }

  /** A reason from another source (the per-项 budget table). */
  reasonText(text: string, todo: string): string {
    const r = cleanReason(text);
    if (r) return r;
    this.addTodo(todo);
    return PROMPTS.reason;
  }

  /**
   * The year-on-year clause for base (starting with "，", no full stop):
   *   ，与上年相比，减少290.92万元，下降16.48%，主要原因是…
   *   ，与上年相比，增加5.00万元，上年为0，不计算增长率，主要原因是…
   *   ，与上年持平
   *   ，与上年相比【请填写：上年收、支总计】
   */
  yoy(base: FigureBase, priorKey: InputKey | InputKey[], reasonKey: InputKey | undefined, style: 'plain' | 'budget' = 'plain'): string {
    const change = this.f.get(`${base}.change`);
    if (!change) {
      const prompt = Array.isArray(priorKey) ? this.askAll(priorKey, `上年${this.f.get(base)?.label ?? '决算数'}`) : this.ask(priorKey);
      return `${style === 'plain' ? '，与上年相比' : '，比上年决算数增减'}${prompt}`;
    }
    this.figure(`${base}.prior`);
    this.figure(`${base}.change`);
    if (Math.round(change.value * 100) === 0) {
      return style === 'plain' ? `，与上年${SIGN_WORDS.flat}` : `，与上年决算数${SIGN_WORDS.flat}`;
    }
    const variant = style === 'plain' ? undefined : 'than-actual';
    let s = `，${this.say(this.has(`${base}.changeRate`) ? 'yearOnYear' : 'yearOnYearNoRate', base, { variant })}`;
    if (reasonKey) s += `，主要原因是${this.reason(reasonKey)}`;
    return s;
  }

  refs_(): DraftFigureRef[] {
    return [...this.refs].map(([figureId, cells]) => ({ figureId, cells }));
  }
}

/** Strip what the pattern adds itself: a leading 主要原因是, trailing punctuation. */
export function cleanReason(s: string): string {
  return s
    .trim()
    .replace(/^(主要原因(是|为)?[:：]?|原因(是|为)[:：]?)/, '')
    .replace(/[。；;，,、\s]+$/, '')
    .trim();
}

/** 大于 / 小于 / 等于 for a signed difference. */
export function compareWord(diff: number): string {
  const d = Math.round(diff * 100);
  return d > 0 ? SIGN_WORDS.compare.gt : d < 0 ? SIGN_WORDS.compare.lt : SIGN_WORDS.compare.eq;
}
