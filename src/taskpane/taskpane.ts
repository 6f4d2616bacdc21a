/**
 * The task pane: four tabs (插入报表, 一键校验, 情况说明, 核对情况说明) over the
 * workflows (./app) and one WorkbookHost chosen at start (./host-select). Plain DOM,
 * no framework, no network, no telemetry.
 *
 * Every action runs through act(): the button says what it does ("正在校验…"), the
 * other actions wait, the tab's old results are dimmed, a job longer than a moment
 * shows what the host has done (sheets and rows read, sheets written), and the
 * outcome lands beside the button (a confirmation on the button itself, a notice or a
 * closable error under the tab's actions).
 */
import './polyfills'; // first: built-ins the older webviews lack (Safari 11–15, WPS's Chromium)
import type { CellRef } from '../core/cells';
import type { TableKey } from '../core/model/tables';
import type { MarkRequest, WorkbookHost } from '../core/host';
import * as app from './app';
import { chooseHost, type ChosenHost } from './host-select';
import {
  cellsLabel,
  checkView,
  draftConcerns,
  groupTextFindings,
  markedLabel,
  markPlan,
  markSegments,
  nothingToMark,
  parseTolerance,
  sectionLabel,
  sectionsText,
  SEVERITY_ORDER,
  unverifiedLabel,
  type TableGroup,
} from './view';
import { SEVERITY_NAMES, type DiagnosedFinding, type Finding, type Severity } from '../core/findings/finding';

/** Marks of the findings (Excel's light red fill) and, stronger, the suspect cells of likely slips. */
const MARK_COLOR = '#FFC7CE';
const SUSPECT_COLOR = '#FF7C80';
/** How long a confirmation stays on its button, and how long a job runs before it shows progress. */
const CONFIRM_MS = 3000;
const PROGRESS_AFTER_MS = 300;

type TabId = 'insert' | 'check' | 'draft' | 'verify';

function $(id: string): HTMLElement {
  const e = document.getElementById(id);
  if (!e) throw new Error(`页面缺少元素 #${id}`);
  return e;
}
const input = (id: string) => $(id) as HTMLInputElement;
const button = (id: string) => $(id) as HTMLButtonElement;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

let host: WorkbookHost;
let chosen: ChosenHost;

// ---- feedback: errors, notices, confirmations ----

function announce(text: string): void {
  const a = $('announce');
  a.textContent = '';
  // a fresh text node, so that screen readers read the same words twice
  window.setTimeout(() => (a.textContent = text), 50);
}

/** The panel of an element (or the visible one). */
function panelOf(e: Element | null): HTMLElement {
  return (e?.closest('.panel') as HTMLElement | null) ?? (document.querySelector('.panel:not([hidden])') as HTMLElement);
}

/**
 * The status line under a panel's actions: progress during a job, a notice after it.
 * A panel built by its own module (导入上年报表) may have none: one is added under it.
 */
function statusLine(panel: HTMLElement): HTMLElement {
  const line = panel.querySelector<HTMLElement>('.progress');
  if (line) return line;
  const added = el('div', { className: 'progress' });
  added.setAttribute('role', 'status');
  added.setAttribute('aria-live', 'polite');
  panel.append(added);
  return added;
}

function showError(e: unknown, near?: Element | null): void {
  const box = $('error');
  $('error-text').textContent = e instanceof Error ? e.message : String(e);
  // beside the action: under the actions of the panel the user is working in
  const panel = chosen ? panelOf(near ?? null) : null;
  const anchor = panel ? statusLine(panel) : null;
  if (anchor) anchor.after(box);
  box.hidden = false;
}

function clearError(): void {
  $('error').hidden = true;
  $('error-text').textContent = '';
}

/** A neutral notice beside the action (nothing to mark, sample already there …). */
function notice(panel: HTMLElement, text: string): void {
  const line = statusLine(panel);
  line.textContent = text;
  line.className = 'progress notice';
  announce(text);
}

function clearNotice(panel: HTMLElement): void {
  const line = statusLine(panel);
  line.textContent = '';
  line.className = 'progress';
}

const labels = new WeakMap<HTMLButtonElement, string>();
const confirmTimers = new Map<HTMLButtonElement, number>();

function restoreLabel(b: HTMLButtonElement): void {
  const t = confirmTimers.get(b);
  if (t !== undefined) window.clearTimeout(t);
  confirmTimers.delete(b);
  const label = labels.get(b);
  if (label !== undefined) b.textContent = label;
  b.classList.remove('done');
}

/** A confirmation on the button itself ("已复制"), for a few seconds. */
function confirmOn(b: HTMLButtonElement, text: string): void {
  restoreLabel(b);
  if (!labels.has(b)) labels.set(b, b.textContent ?? '');
  b.textContent = `✓ ${text}`;
  b.classList.add('done');
  announce(text);
  confirmTimers.set(
    b,
    window.setTimeout(() => restoreLabel(b), CONFIRM_MS),
  );
}

// ---- busy state ----

let busy = false;

/** What an action reports while it runs. */
type Progress = (text: string) => void;

/** The host as an action sees it: each round trip reported as progress. */
function tracked(h: WorkbookHost, progress: Progress): WorkbookHost {
  const paint = () => new Promise<void>((resolve) => window.requestAnimationFrame(() => window.setTimeout(resolve, 0)));
  return {
    kind: h.kind,
    isStructureProtected: () => h.isStructureProtected(),
    listSheets: async () => {
      progress('正在读取工作表列表…');
      return h.listSheets();
    },
    readSheets: async (names?: string[]) => {
      progress(names ? `正在读取 ${names.length} 张工作表…` : '正在读取工作表…');
      const read = await h.readSheets(names);
      const rows = read.reduce((n, s) => n + s.values.length, 0);
      progress(`已读取 ${read.length} 张工作表（${rows} 行），正在计算…`);
      await paint(); // let the line show before the core's (synchronous) work
      return read;
    },
    apply: async (batch) => {
      const n = batch.create.length + batch.update.length;
      progress(`正在写入 ${n} 张工作表…`);
      await h.apply(batch);
      progress(`已写入 ${n} 张工作表。`);
    },
    mark: (r: MarkRequest) => h.mark(r),
    clearMarks: () => h.clearMarks(),
    select: (cells: CellRef[]) => h.select(cells),
  };
}

/**
 * Run an action from a button. The action gets the host (tracked for progress) and
 * returns the confirmation to show on the button, if any. Never an unhandled rejection.
 */
async function act(b: HTMLButtonElement, f: (h: WorkbookHost) => Promise<string | void>): Promise<void> {
  if (busy) return;
  busy = true;
  const panel = panelOf(b);
  clearError();
  clearNotice(panel);
  for (const x of confirmTimers.keys()) restoreLabel(x);
  const actions = Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-busy], .results button, .tabs button'));
  const wasDisabled = new Map(actions.map((x) => [x, x.disabled]));
  for (const x of actions) if (!x.closest('.tabs')) x.disabled = true;
  const label = b.textContent ?? '';
  labels.set(b, label);
  if (b.dataset.busy) b.textContent = b.dataset.busy;
  b.classList.add('running');
  panel.setAttribute('aria-busy', 'true');
  panel.classList.add('working');
  document.body.classList.add('working');
  const line = statusLine(panel);
  let lastProgress = '';
  const shown = window.setTimeout(() => {
    line.className = 'progress active';
    line.textContent = lastProgress || b.dataset.busy || '正在处理…';
  }, PROGRESS_AFTER_MS);
  const progress: Progress = (text) => {
    lastProgress = text;
    if (line.classList.contains('active')) line.textContent = text;
  };
  let done: string | void = undefined;
  try {
    done = await f(tracked(host, progress));
  } catch (e) {
    showError(e, b);
  } finally {
    window.clearTimeout(shown);
    if (line.classList.contains('active')) clearNotice(panel);
    b.textContent = label;
    b.classList.remove('running');
    panel.removeAttribute('aria-busy');
    panel.classList.remove('working');
    document.body.classList.remove('working');
    for (const x of actions) if (x.isConnected) x.disabled = wasDisabled.get(x) ?? false;
    enableAfterJobs();
    busy = false;
  }
  if (done) confirmOn(b, done);
}

/** Buttons whose state depends on what has been done (a draft to copy …). */
function enableAfterJobs(): void {
  button('copy-all').disabled = !draft;
  button('write-draft').disabled = !draft;
}

function on(id: string, f: (h: WorkbookHost) => Promise<string | void>): void {
  const b = button(id);
  b.addEventListener('click', () => void act(b, f));
}

// ---- tabs (WAI-ARIA tabs pattern: arrows, Home/End, roving tabindex) ----

function setupTabs(): void {
  const tabs = Array.from(document.querySelectorAll<HTMLButtonElement>('.tabs [role="tab"]'));
  const select = (t: HTMLButtonElement, focus: boolean) => {
    for (const x of tabs) {
      const sel = x === t;
      x.setAttribute('aria-selected', String(sel));
      x.tabIndex = sel ? 0 : -1;
      $(`tab-${x.dataset.tab}`).hidden = !sel;
    }
    if (focus) t.focus();
    // messages belong to the tab they were given in
    clearError();
    for (const p of Array.from(document.querySelectorAll<HTMLElement>('.panel'))) if (!p.classList.contains('working')) clearNotice(p);
    for (const b of confirmTimers.keys()) restoreLabel(b);
    if (t.dataset.tab === 'verify') void fillSheetList();
    if (t.dataset.tab === 'last-year') void openLastYear();
  };
  for (const [i, t] of tabs.entries()) {
    t.addEventListener('click', () => select(t, false));
    t.addEventListener('keydown', (e) => {
      const to =
        e.key === 'ArrowRight' || e.key === 'ArrowDown'
          ? tabs[(i + 1) % tabs.length]
          : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
            ? tabs[(i - 1 + tabs.length) % tabs.length]
            : e.key === 'Home'
              ? tabs[0]
              : e.key === 'End'
                ? tabs[tabs.length - 1]
                : null;
      if (!to) return;
      e.preventDefault();
      select(to, true);
    });
  }
}

function showTab(tab: TabId): void {
  button(`tab-btn-${tab}`).click();
}

// ---- 插入报表 ----

const profiles = app.profileChoices();

function renderTableChecks(): void {
  const p = profiles.find((x) => x.id === input('profile').value) ?? profiles[0];
  $('profile-desc').textContent = p.name;
  const box = $('tables');
  box.textContent = '';
  for (const t of p.tables) {
    box.append(el('label', { className: 'check' }, el('input', { type: 'checkbox', value: t.key, checked: true }), el('span', { textContent: `${t.sheet} ${t.title}` })));
  }
}

function setupInsert(): void {
  const sel = $('profile') as HTMLSelectElement;
  for (const p of profiles) sel.append(el('option', { value: p.id, textContent: p.name }));
  const store = safeStorage();
  sel.value = store?.getItem('juesuan.profile') ?? profiles[profiles.length - 1].id;
  if (!sel.value) sel.value = profiles[0].id;
  sel.addEventListener('change', renderTableChecks);
  renderTableChecks();
  input('year').value = store?.getItem('juesuan.year') ?? String(new Date().getFullYear() - 1);
  input('unit').value = store?.getItem('juesuan.unit') ?? '';
  const setAll = (v: boolean) =>
    $('tables')
      .querySelectorAll('input')
      .forEach((i) => (i.checked = v));
  $('tables-all').addEventListener('click', () => setAll(true));
  $('tables-none').addEventListener('click', () => setAll(false));

  on('insert', async (h) => {
    result('insert-result', '');
    const unit = input('unit').value.trim();
    const year = Number(input('year').value);
    if (!unit) throw new Error('请填写单位名称。');
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error('决算年度应为四位年份，例如 2024。');
    const tables = Array.from($('tables').querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value as TableKey);
    if (!tables.length) throw new Error('请至少勾选一张报表。');
    const conflict = (document.querySelector('input[name="conflict"]:checked') as HTMLInputElement).value as app.ConflictMode;
    store?.setItem('juesuan.unit', unit);
    store?.setItem('juesuan.year', String(year));
    store?.setItem('juesuan.profile', sel.value);
    const r = await app.insert(h, { profile: sel.value, unit, year, tables, onConflict: conflict, includeInputs: input('include-inputs').checked });
    const lines: string[] = [];
    if (r.created.length) lines.push(`已插入：${r.created.join('、')}`);
    if (r.refreshed.length) lines.push(`已刷新框架和公式：${r.refreshed.join('、')}`);
    if (r.skipped.length) lines.push(`已存在、跳过：${r.skipped.join('、')}`);
    if (r.keptValues.length) lines.push(`以下单元格应为公式，但保留了手填的数字：${cellsLabel(r.keptValues, 6)}`);
    if (r.unrecognized.length) lines.push(`以下工作表不是本工具的表样，未改动：${r.unrecognized.join('、')}`);
    lines.push(...hostWarnings());
    result('insert-result', lines.join('\n') || '没有需要插入的报表。', true);
    if (r.created.length || r.refreshed.length) checkOutdated();
    if (r.created.length) return `已插入 ${r.created.length} 张表`;
    if (r.refreshed.length) return `已刷新 ${r.refreshed.length} 张表`;
    return r.skipped.length ? '已存在，已跳过' : undefined;
  });

  on('refresh', async (h) => {
    result('insert-result', '');
    const r = await app.refresh(h);
    const lines = [
      r.sheets.length ? `已刷新 ${r.sheets.length} 张表的公式：${r.sheets.join('、')}（写入 ${r.written} 处，未变 ${r.unchanged} 处）` : '没有找到可刷新的报表。',
    ];
    if (r.keptValues.length) lines.push(`以下单元格应为公式，但保留了手填的数字：${cellsLabel(r.keptValues, 6)}`);
    result('insert-result', lines.join('\n'), r.sheets.length > 0);
    if (r.written) checkOutdated();
    return r.sheets.length ? `已刷新 ${r.sheets.length} 张表` : undefined;
  });

  if (chosen.mode === 'memory') {
    button('sample').hidden = false;
    on('sample', async (h) => {
      const r = await app.insertSample(h);
      if (r.existing.length) {
        notice(panelOf(button('sample')), `工作簿中已有示例的工作表（${r.existing.join('、')}），未重复插入。`);
        return undefined;
      }
      checkOutdated();
      result('insert-result', `已插入示例：2021年度 ${app.SEED_2021_UNIT}（公开01–09表，含示例数字；补充信息表已填写）。`, true);
      return '已插入示例';
    });
  }
}

/** What the host could not do without refusing (e.g. print setup), once. */
function hostWarnings(): string[] {
  const w = (host as { warnings?: string[] }).warnings;
  if (!w?.length) return [];
  return w.splice(0, w.length);
}

function result(id: string, text: string, ok = false): void {
  const box = $(id);
  box.textContent = text;
  box.classList.toggle('ok', ok);
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// ---- 一键校验 ----

/** The last check: its findings (null before the first one) and the tables' numbers. */
let lastCheck: { findings: Finding[]; numbers: Partial<Record<TableKey, string>> } | null = null;

function findingButton(f: { severity: Severity; message: string; cells: CellRef[] }, prefix = ''): HTMLButtonElement {
  const b = el('button', { className: `finding ${f.severity}`, type: 'button' }, prefix + f.message);
  if (f.cells.length) b.append(el('span', { className: 'cells', textContent: cellsLabel(f.cells) }));
  b.addEventListener('click', () => {
    document.querySelectorAll('.finding.active').forEach((x) => x.classList.remove('active'));
    b.classList.add('active');
    if (f.cells.length && !busy) host.select(f.cells).catch((e: unknown) => showError(e, b));
  });
  return b;
}

function summaryPills(id: string, counts: Partial<Record<Severity, number>>, none: string, unverified = 0): void {
  const box = $(id);
  box.textContent = '';
  const total = SEVERITY_ORDER.reduce((n, s) => n + (counts[s] ?? 0), 0);
  if (!total) box.append(el('span', { className: 'result ok', textContent: none }));
  else for (const s of SEVERITY_ORDER) box.append(el('span', { className: `pill sev-${s}`, textContent: `${SEVERITY_NAMES[s]} ${counts[s] ?? 0}` }));
  if (unverified) box.append(el('span', { className: 'pill sev-unverified', textContent: `另有 ${unverified} 处无法核对` }));
}

function tableDetails(t: TableGroup, open: boolean): HTMLDetailsElement {
  const d = el('details', { open, className: 'table-group' });
  d.append(el('summary', { textContent: `${t.label}（${t.items.length}）` }));
  for (const f of t.items) d.append(findingButton(f));
  return d;
}

function slipCard(f: DiagnosedFinding): HTMLElement {
  const card = el('div', { className: 'slip' });
  card.append(el('div', { className: 'slip-title', textContent: '可能的笔误' }));
  card.append(findingButton(f));
  if (f.explains.length) {
    const d = el('details', { className: 'explains' });
    d.append(el('summary', { textContent: `由此引起的 ${f.explains.length} 处不一致` }));
    for (const x of f.explains) d.append(findingButton(x));
    card.append(d);
  }
  return card;
}

function renderFindings(findings: Finding[], numbers: Partial<Record<TableKey, string>>): void {
  const v = checkView(findings, numbers);
  summaryPills('check-summary', v.counts, '未发现问题：表内、表间勾稽关系均一致。', v.unverifiedCount);
  const box = $('findings');
  box.textContent = '';
  for (const f of v.diagnosed) box.append(slipCard(f));
  for (const g of v.groups) {
    const d = el('details', { open: g.severity !== 'rounding', className: 'severity-group' });
    d.dataset.severity = g.severity;
    d.append(el('summary', { className: `sev-${g.severity}`, textContent: `${g.label}（${g.count}）` }));
    for (const t of g.tables) d.append(tableDetails(t, true));
    box.append(d);
  }
  if (v.unverifiedCount) {
    const d = el('details', { className: 'unverified-group' });
    d.dataset.severity = 'unverified';
    d.append(el('summary', { textContent: unverifiedLabel(v.unverifiedCount) }));
    d.append(el('p', { className: 'hint', textContent: '这些数字无法与表中单元格对应，不一定有误，请人工核对。' }));
    for (const t of v.unverified) d.append(tableDetails(t, true));
    box.append(d);
  }
}

/** The pane changed the tables (insert, refresh, sample): the last check no longer holds. */
function checkOutdated(): void {
  if (!lastCheck) return;
  lastCheck = null;
  $('findings').textContent = '';
  const box = $('check-summary');
  box.textContent = '';
  box.append(el('span', { className: 'hint', textContent: '报表已改动，上次的校验结果已清除：请重新运行一键校验。' }));
}

/** Show a check's findings as the last check (the pane's own check, and the preview/test hook). */
function showCheck(findings: Finding[], numbers: Partial<Record<TableKey, string>>): void {
  lastCheck = { findings, numbers };
  renderFindings(findings, numbers);
}

function setupCheck(): void {
  on('run-check', async (h) => {
    const tol = parseTolerance(input('tolerance').value);
    if (Number.isNaN(tol)) throw new Error('尾数容差应为不小于 0 的数字，例如 0.005；留空则用默认值。');
    const r = await app.check(h, tol);
    const numbers: Partial<Record<TableKey, string>> = {};
    for (const [k, t] of Object.entries(r.model.tables)) if (t?.number) numbers[k as TableKey] = t.number;
    showCheck(r.findings, numbers);
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    return errors ? `发现 ${errors} 处错误` : '已校验';
  });
  on('mark', async (h) => {
    const withRounding = input('mark-rounding').checked;
    const none = nothingToMark(lastCheck?.findings ?? null, withRounding);
    if (none) {
      notice(panelOf(button('mark')), none);
      return undefined;
    }
    const plan = markPlan(lastCheck?.findings ?? [], withRounding);
    // one colour per call: the lighter marks first, then the suspects over them, kept together
    if (plan.others.length) await h.mark({ cells: plan.others, color: MARK_COLOR });
    if (plan.suspects.length) await h.mark({ cells: plan.suspects, color: SUSPECT_COLOR, keep: plan.others.length > 0 });
    return markedLabel(plan);
  });
  on('clear-marks', async (h) => {
    await h.clearMarks();
    return '已清除';
  });
}

// ---- 情况说明 ----

let draft: app.NarrativeDraft | null = null;

async function copyText(text: string): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // fall through: webviews often refuse the async clipboard
  }
  const ta = el('textarea', { value: text });
  ta.style.position = 'fixed';
  ta.style.opacity = '0';
  document.body.append(ta);
  ta.select();
  const ok = document.execCommand('copy');
  ta.remove();
  if (!ok) throw new Error('无法访问剪贴板，请手动选中文字复制。');
}

function renderConcerns(d: app.NarrativeDraft): Map<string, CellRef[]> {
  const box = $('draft-concerns');
  box.textContent = '';
  const bySection = new Map<string, CellRef[]>();
  if (!lastCheck) {
    box.append(el('p', { className: 'hint', textContent: '尚未运行一键校验：建议先校验报表，确认数字无误后再使用生成的文字。' }));
    return bySection;
  }
  const errors = lastCheck.findings.filter((f) => f.severity === 'error').length;
  if (!errors) return bySection;
  const concerns = draftConcerns(lastCheck.findings, d.sections);
  for (const c of concerns) bySection.set(c.sectionId, c.cells);
  const warn = el('div', { className: 'concerns', role: 'note' });
  warn.append(
    el('strong', {
      textContent: concerns.length
        ? `上次一键校验发现 ${errors} 处错误，下列 ${concerns.length} 节引用了有误的数字，请先更正报表再使用：`
        : `上次一键校验发现 ${errors} 处错误；生成的文字没有直接引用这些单元格，但相关合计可能仍受影响。`,
    }),
  );
  if (concerns.length) {
    const ul = el('ul');
    for (const c of concerns) ul.append(el('li', { textContent: `${c.sectionId}、${c.title}：${cellsLabel(c.cells, 4)}` }));
    warn.append(ul);
  }
  box.append(warn);
  return bySection;
}

function setupDraft(): void {
  on('run-draft', async (h) => {
    draft = null;
    const d = await app.draft(h);
    draft = d;
    const concerns = renderConcerns(d);
    const todo = $('todo');
    todo.textContent = '';
    if (d.todo.length) {
      const ul = el('ul', { className: 'todo' });
      for (const t of d.todo) ul.append(el('li', { textContent: t }));
      todo.append(el('details', { className: 'todo-box' }, el('summary', { textContent: `待补充的信息（${d.todo.length}）` }), ul));
    }
    const box = $('sections');
    box.textContent = '';
    for (const s of d.sections) {
      const copy = el('button', { type: 'button', textContent: '复制' });
      copy.setAttribute('aria-label', `复制“${s.id}、${s.title}”`);
      copy.addEventListener(
        'click',
        () =>
          void act(copy, async () => {
            await copyText(sectionsText([s]));
            return '已复制';
          }),
      );
      const section = el('div', { className: 'section' }, el('h3', {}, el('span', { textContent: `${s.id}、${s.title}` }), copy));
      const bad = concerns.get(s.id);
      if (bad) {
        section.classList.add('concern');
        section.append(el('div', { className: 'concern-line', textContent: `引用了校验有误的单元格：${cellsLabel(bad, 4)}` }));
      }
      section.append(el('div', { className: 'text', textContent: s.text }));
      box.append(section);
    }
    result('draft-result', `已生成 ${d.sections.length} 节。请核对后复制到正式文稿。`, true);
    return `已生成 ${d.sections.length} 节`;
  });
  on('copy-all', async () => {
    if (!draft) return undefined;
    await copyText(sectionsText(draft.sections));
    return '已复制';
  });
  on('write-draft', async (h) => {
    if (!draft) return undefined;
    const name = await app.writeDraft(h, draft);
    result('draft-result', `已写入工作表“${name}”。`, true);
    return `已写入“${name}”`;
  });
}

// ---- 核对情况说明 ----

async function fillSheetList(): Promise<void> {
  try {
    const names = await app.sheetNames(host);
    const sel = $('verify-sheet') as HTMLSelectElement;
    const keep = sel.value;
    sel.textContent = '';
    sel.append(el('option', { value: '', textContent: '（选择工作表）' }));
    for (const n of names) sel.append(el('option', { value: n, textContent: n }));
    sel.value = names.includes(keep) ? keep : (names.find((n) => n.startsWith('情况说明')) ?? '');
  } catch (e) {
    showError(e, $('verify-sheet'));
  }
}

function setupVerify(): void {
  // results belong to the text they were computed for: clear them when it changes
  const stale = () => {
    $('verify-marked').textContent = '';
    $('verify-findings').textContent = '';
    $('verify-summary').textContent = '';
  };
  $('verify-text').addEventListener('input', stale);
  on('verify-load', async (h) => {
    const sheet = ($('verify-sheet') as HTMLSelectElement).value;
    if (!sheet) throw new Error('请选择工作表。');
    const text = await app.textFromSheet(h, sheet, input('verify-range').value);
    if (!text.trim()) throw new Error(`工作表“${sheet}”的该区域没有文字。`);
    ($('verify-text') as HTMLTextAreaElement).value = text;
    stale();
    return `已读取 ${text.split('\n').length} 行`;
  });
  on('run-verify', async (h) => {
    const text = ($('verify-text') as HTMLTextAreaElement).value;
    if (!text.trim()) throw new Error('请先粘贴情况说明文本，或从工作表读取。');
    const found = await app.verify(h, text);
    showVerify(text, found);
    const wrong = found.filter((f) => !f.unverified && f.severity !== 'unverified').length;
    return wrong ? `发现 ${wrong} 处不一致` : '已核对';
  });
}

function showVerify(text: string, found: app.TextFindingView[]): void {
  const groups = groupTextFindings(found);
  const counts: Partial<Record<Severity, number>> = {};
  for (const g of groups.wrong) for (const f of g.items) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  summaryPills('verify-summary', counts, '未发现情况说明与表中数字不一致之处。', groups.unverifiedCount);
  const list = $('verify-findings');
  list.textContent = '';
  const buttons = new Map<app.TextFindingView, HTMLButtonElement>();
  const item = (f: app.TextFindingView) => {
    const b = findingButton(f, f.quote ? `“${f.quote}”：` : '');
    if (f.expected) b.append(el('span', { className: 'expected', textContent: `表中为 ${f.expected}` }));
    buttons.set(f, b);
    return b;
  };
  for (const g of groups.wrong) {
    const s = el('div', { className: 'text-section' });
    s.append(el('h3', { textContent: `${sectionLabel(g.section)}（${g.items.length}）` }));
    for (const f of g.items) s.append(item(f));
    list.append(s);
  }
  let unverifiedBox: HTMLDetailsElement | null = null;
  if (groups.unverifiedCount) {
    unverifiedBox = el('details', { className: 'unverified-group' });
    unverifiedBox.dataset.severity = 'unverified';
    unverifiedBox.append(el('summary', { textContent: unverifiedLabel(groups.unverifiedCount) }));
    unverifiedBox.append(el('p', { className: 'hint', textContent: '这些数字找不到对应的表中单元格或补充信息，不一定有误，请人工核对。' }));
    for (const g of groups.unverified) {
      unverifiedBox.append(el('h4', { textContent: `${sectionLabel(g.section)}（${g.items.length}）` }));
      for (const f of g.items) unverifiedBox.append(item(f));
    }
    list.append(unverifiedBox);
  }
  const marked = $('verify-marked');
  marked.textContent = '';
  if (!found.length) return;
  for (const seg of markSegments(text, found)) {
    if (seg.finding === undefined) {
      marked.append(seg.text);
      continue;
    }
    const f = found[seg.finding];
    const unverified = f.unverified === true || f.severity === 'unverified';
    const m = el('mark', { className: unverified ? 'unverified' : f.severity, title: unverified ? '无法核对' : f.message, textContent: seg.text });
    const go = () => {
      const b = buttons.get(f);
      if (!b) return;
      if (unverified && unverifiedBox) unverifiedBox.open = true;
      b.scrollIntoView({ block: 'nearest' });
      b.click();
      b.focus();
    };
    // reachable by keyboard too: Tab to the words, Enter or Space goes to the finding
    m.tabIndex = 0;
    m.setAttribute('role', 'button');
    m.addEventListener('click', go);
    m.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      go();
    });
    marked.append(m);
  }
}

// ---- 导入上年报表 (its own module, ./last-year, loaded on first open) ----

let lastYearOpened = false;
async function openLastYear(): Promise<void> {
  if (lastYearOpened) return;
  lastYearOpened = true;
  try {
    const { mountLastYear } = await import(/* webpackChunkName: "last-year" */ './last-year/panel');
    mountLastYear($('tab-last-year'), host, showError);
  } catch (e) {
    lastYearOpened = false;
    showError(e);
  }
}

// ---- start ----

async function main(): Promise<void> {
  $('error-close').addEventListener('click', clearError);
  chosen = await chooseHost(window.location.search, window as never);
  host = chosen.host;
  $('host-label').textContent = chosen.label;
  if (chosen.note) {
    $('host-note').textContent = chosen.note;
    $('host-note').hidden = false;
  }
  setupTabs();
  setupInsert();
  setupCheck();
  setupDraft();
  setupVerify();
  if (chosen.mode === 'memory') {
    // Preview and test hook: the in-memory workbook behind the pane, and a way to show
    // findings whose producers are not in the core yet (likely slips, 无法核对).
    (window as unknown as { __juesuan: unknown }).__juesuan = {
      host,
      mode: chosen.mode,
      showCheck: (findings: Finding[], numbers: Partial<Record<TableKey, string>> = {}) => {
        showTab('check');
        showCheck(findings, numbers);
      },
      showVerify: (text: string, found: app.TextFindingView[]) => {
        showTab('verify');
        ($('verify-text') as HTMLTextAreaElement).value = text;
        showVerify(text, found);
      },
    };
  }
  document.body.dataset.ready = chosen.mode;
  // time to interactive, for the measurement in README.md
  if (typeof performance.mark === 'function') performance.mark('juesuan-ready');
}

main().catch((e: unknown) => showError(e));
