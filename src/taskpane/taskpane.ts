/**
 * The task pane: four tabs (插入报表, 一键校验, 情况说明, 核对情况说明) over the
 * workflows (./app) and one WorkbookHost chosen at start (./host-select). Plain DOM,
 * no framework, no network, no telemetry.
 */
import './polyfills'; // first: built-ins the older webviews lack (Safari 11–15, WPS's Chromium)
import type { CellRef } from '../core/cells';
import type { TableKey } from '../core/model/tables';
import type { WorkbookHost } from '../core/host';
import * as app from './app';
import { chooseHost, type ChosenHost } from './host-select';
import { cellsLabel, findingCells, groupFindings, markSegments, parseTolerance, sectionsText, SEVERITY_ORDER } from './view';
import { SEVERITY_NAMES, type Finding } from '../core/findings/finding';

const MARK_COLOR = '#FFC7CE';

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`页面缺少元素 #${id}`);
  return el;
}
const input = (id: string) => $(id) as HTMLInputElement;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

let host: WorkbookHost;
let chosen: ChosenHost;

function showError(e: unknown): void {
  const box = $('error');
  const msg = e instanceof Error ? e.message : String(e);
  box.textContent = msg;
  box.hidden = false;
}

function clearError(): void {
  $('error').hidden = true;
  $('error').textContent = '';
}

/** Run an action from a button: busy state, errors in the pane, never an unhandled rejection. */
async function act(button: HTMLElement, f: () => Promise<void>): Promise<void> {
  clearError();
  const b = button as HTMLButtonElement;
  b.disabled = true;
  document.body.classList.add('working');
  try {
    await f();
  } catch (e) {
    showError(e);
  } finally {
    b.disabled = false;
    document.body.classList.remove('working');
  }
}

function on(id: string, f: () => Promise<void>): void {
  const b = $(id);
  b.addEventListener('click', () => void act(b, f));
}

// ---- tabs ----

function setupTabs(): void {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('.tabs button'));
  for (const b of buttons) {
    b.addEventListener('click', () => {
      for (const x of buttons) {
        const sel = x === b;
        x.setAttribute('aria-selected', String(sel));
        $(`tab-${x.dataset.tab}`).hidden = !sel;
      }
      if (b.dataset.tab === 'verify') void fillSheetList();
    });
  }
}

// ---- 插入报表 ----

const profiles = app.profileChoices();

function renderTableChecks(): void {
  const p = profiles.find((x) => x.id === input('profile').value) ?? profiles[0];
  $('profile-desc').textContent = p.name;
  const box = $('tables');
  box.textContent = '';
  for (const t of p.tables) {
    box.append(
      el(
        'label',
        { className: 'check' },
        el('input', { type: 'checkbox', value: t.key, checked: true }),
        `${t.sheet} ${t.title}`,
      ),
    );
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
  const setAll = (v: boolean) => $('tables').querySelectorAll('input').forEach((i) => (i.checked = v));
  $('tables-all').addEventListener('click', () => setAll(true));
  $('tables-none').addEventListener('click', () => setAll(false));

  on('insert', async () => {
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
    const r = await app.insert(host, {
      profile: sel.value,
      unit,
      year,
      tables,
      onConflict: conflict,
      includeInputs: input('include-inputs').checked,
    });
    const lines: string[] = [];
    if (r.created.length) lines.push(`已插入：${r.created.join('、')}`);
    if (r.refreshed.length) lines.push(`已刷新框架和公式：${r.refreshed.join('、')}`);
    if (r.skipped.length) lines.push(`已存在、跳过：${r.skipped.join('、')}`);
    if (r.keptValues.length) lines.push(`以下单元格应为公式，但保留了手填的数字：${cellsLabel(r.keptValues, 6)}`);
    if (r.unrecognized.length) lines.push(`以下工作表不是本工具的表样，未改动：${r.unrecognized.join('、')}`);
    lines.push(...hostWarnings());
    result('insert-result', lines.join('\n') || '没有需要插入的报表。', true);
  });

  on('refresh', async () => {
    const r = await app.refresh(host);
    const lines = [
      r.sheets.length ? `已刷新 ${r.sheets.length} 张表的公式：${r.sheets.join('、')}（写入 ${r.written} 处，未变 ${r.unchanged} 处）` : '没有找到可刷新的报表。',
    ];
    if (r.keptValues.length) lines.push(`以下单元格应为公式，但保留了手填的数字：${cellsLabel(r.keptValues, 6)}`);
    result('insert-result', lines.join('\n'), true);
  });

  if (chosen.mode === 'memory') {
    $('sample').hidden = false;
    on('sample', async () => {
      await app.insertSample(host);
      result('insert-result', `已插入示例：2021年度 ${app.SEED_2021_UNIT}（公开01–09表，含示例数字）。`, true);
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

let findings: Finding[] = [];

function findingButton(f: { severity: string; message: string; cells: CellRef[] }, extra = ''): HTMLButtonElement {
  const b = el('button', { className: `finding ${f.severity}`, type: 'button' }, extra + f.message);
  if (f.cells.length) b.append(el('span', { className: 'cells', textContent: cellsLabel(f.cells) }));
  b.addEventListener('click', () => {
    document.querySelectorAll('.finding.active').forEach((x) => x.classList.remove('active'));
    b.classList.add('active');
    if (f.cells.length) void act(b, () => host.select(f.cells));
  });
  return b;
}

function summary(id: string, counts: Record<string, number>, none: string): void {
  const box = $(id);
  box.textContent = '';
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  if (!total) {
    box.append(el('span', { className: 'result ok', textContent: none }));
    return;
  }
  for (const s of SEVERITY_ORDER) {
    box.append(el('span', { className: `pill sev-${s}`, textContent: `${SEVERITY_NAMES[s]} ${counts[s] ?? 0}` }));
  }
}

function renderFindings(numbers: Partial<Record<TableKey, string>>): void {
  const counts: Record<string, number> = {};
  for (const f of findings) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
  summary('check-summary', counts, '未发现问题：表内、表间勾稽关系均一致。');
  const box = $('findings');
  box.textContent = '';
  for (const g of groupFindings(findings, numbers)) {
    const d = el('details', { open: g.severity !== 'rounding' });
    d.dataset.severity = g.severity;
    d.append(el('summary', { className: `sev-${g.severity}`, textContent: `${g.label}（${g.count}）` }));
    for (const t of g.tables) {
      const td = el('details', { open: true });
      td.append(el('summary', { textContent: `${t.label}（${t.items.length}）` }));
      for (const f of t.items) td.append(findingButton(f));
      d.append(td);
    }
    box.append(d);
  }
}

function setupCheck(): void {
  on('run-check', async () => {
    const tol = parseTolerance(input('tolerance').value);
    if (Number.isNaN(tol)) throw new Error('尾数容差应为不小于 0 的数字，例如 0.005；留空则用默认值。');
    const r = await app.check(host, tol);
    findings = r.findings;
    const numbers: Partial<Record<TableKey, string>> = {};
    for (const [k, t] of Object.entries(r.model.tables)) if (t?.number) numbers[k as TableKey] = t.number;
    renderFindings(numbers);
    if (r.model.missing.length === Object.keys(numbers).length + r.model.missing.length && !Object.keys(r.model.tables).length) {
      result('check-summary', '工作簿中没有找到公开01–09表。可先在“插入报表”中插入。');
    }
  });
  on('mark', async () => {
    const withRounding = input('mark-rounding').checked;
    const cells = findingCells(findings.filter((f) => withRounding || f.severity !== 'rounding'));
    if (!cells.length) throw new Error('没有可标记的单元格：请先运行一键校验。');
    await host.mark({ cells, color: MARK_COLOR });
  });
  on('clear-marks', () => host.clearMarks());
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

function setupDraft(): void {
  on('run-draft', async () => {
    draft = await app.draft(host);
    const todo = $('todo');
    todo.textContent = '';
    if (draft.todo.length) {
      const ul = el('ul', { className: 'todo' });
      for (const t of draft.todo) ul.append(el('li', { textContent: t }));
      todo.append(el('details', { className: 'todo-box' }, el('summary', { textContent: `待补充的信息（${draft.todo.length}）` }), ul));
    }
    const box = $('sections');
    box.textContent = '';
    for (const s of draft.sections) {
      const copy = el('button', { type: 'button', textContent: '复制' });
      copy.addEventListener('click', () => void act(copy, async () => {
        await copyText(sectionsText([s]));
        result('draft-result', `已复制“${s.id}、${s.title}”。`, true);
      }));
      box.append(
        el('div', { className: 'section' }, el('h3', {}, `${s.id}、${s.title}`, copy), el('div', { className: 'text', textContent: s.text })),
      );
    }
    ($('copy-all') as HTMLButtonElement).disabled = false;
    ($('write-draft') as HTMLButtonElement).disabled = false;
    result('draft-result', `已生成 ${draft.sections.length} 节。请核对后复制到正式文稿。`, true);
  });
  on('copy-all', async () => {
    if (!draft) return;
    await copyText(sectionsText(draft.sections));
    result('draft-result', '已复制全部情况说明。', true);
  });
  on('write-draft', async () => {
    if (!draft) return;
    const name = await app.writeDraft(host, draft);
    result('draft-result', `已写入工作表“${name}”。`, true);
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
    sel.value = names.includes(keep) ? keep : names.find((n) => n.startsWith('情况说明')) ?? '';
  } catch (e) {
    showError(e);
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
  on('verify-load', async () => {
    const sheet = ($('verify-sheet') as HTMLSelectElement).value;
    if (!sheet) throw new Error('请选择工作表。');
    const text = await app.textFromSheet(host, sheet, input('verify-range').value);
    if (!text.trim()) throw new Error(`工作表“${sheet}”的该区域没有文字。`);
    ($('verify-text') as HTMLTextAreaElement).value = text;
    stale();
  });
  on('run-verify', async () => {
    const text = ($('verify-text') as HTMLTextAreaElement).value;
    if (!text.trim()) throw new Error('请先粘贴情况说明文本，或从工作表读取。');
    const found = await app.verify(host, text);
    const counts: Record<string, number> = {};
    for (const f of found) counts[f.severity] = (counts[f.severity] ?? 0) + 1;
    summary('verify-summary', counts, '未发现情况说明与表中数字不一致之处。');
    const list = $('verify-findings');
    list.textContent = '';
    const buttons = found.map((f) => findingButton(f, `${f.section ? `〔${f.section}〕` : ''}${f.quote ? `“${f.quote}”：` : ''}`));
    for (const s of SEVERITY_ORDER) for (const [i, f] of found.entries()) if (f.severity === s) list.append(buttons[i]);
    const marked = $('verify-marked');
    marked.textContent = '';
    if (found.length) {
      for (const seg of markSegments(text, found)) {
        if (seg.finding === undefined) marked.append(seg.text);
        else {
          const f = found[seg.finding];
          const m = el('mark', { className: f.severity, title: f.message, textContent: seg.text });
          m.addEventListener('click', () => {
            buttons[seg.finding!].scrollIntoView({ block: 'nearest' });
            buttons[seg.finding!].click();
          });
          marked.append(m);
        }
      }
    }
  });
}

// ---- start ----

async function main(): Promise<void> {
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
    // Test and preview hook: the in-memory workbook behind the pane.
    (window as unknown as { __juesuan: unknown }).__juesuan = { host, mode: chosen.mode };
  }
  document.body.dataset.ready = chosen.mode;
}

main().catch(showError);
