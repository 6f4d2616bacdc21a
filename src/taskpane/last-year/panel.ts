import type { WorkbookHost } from '../../core/host';
import { describeOrigin } from '../../core/last-year/origin';
import type { PriorFigure } from '../../core/last-year/types';
import type { SheetSnapshot } from '../../core/model/snapshot';
import { importLastYear, type ImportLastYearResult, type LastYearImport, type LastYearSource } from '../../core/workflows/import-last-year';

/**
 * 导入上年报表 (issue #14), mounted into an empty element by the pane:
 *   1. last year's report: an .xlsx file (read here, by a lazily loaded chunk with
 *      JSZip, so the pane's main bundle does not carry it), or a sheet of this workbook
 *      into which last year's tables were pasted (left out of this year's tables);
 *   2. optionally last year's 情况说明, pasted (figures the tables do not hold);
 *   3. 预览: what will be filled, what is typed already (same / different), what is missing;
 *   4. 写入“补充信息”: one batch; typed values are never overwritten.
 * Plain DOM like the rest of the pane; every user-visible text in Chinese.
 */

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  Object.assign(e, props);
  for (const c of children) e.append(c);
  return e;
}

/** File bytes with FileReader (Blob.arrayBuffer is missing in Safari before 14). */
function fileBytes(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(r.result as ArrayBuffer);
    r.onerror = () => reject(new Error(`无法读取文件“${file.name}”。`));
    r.readAsArrayBuffer(file);
  });
}

const amount = (v: number): string => `${v.toFixed(2)}万元`;
const figureText = (f: PriorFigure): string => (f.unit === 'count' ? `${f.value}${f.countUnit ?? ''}` : amount(f.value));

export interface LastYearPanel {
  /** Run 预览 (tests and the pane's own button). */
  preview(): Promise<void>;
}

export function mountLastYear(root: HTMLElement, host: WorkbookHost, onError: (e: unknown) => void): LastYearPanel {
  root.textContent = '';
  const fromFile = el('input', { type: 'radio', name: 'ly-source', value: 'file', checked: true, id: 'ly-from-file' });
  const fromSheet = el('input', { type: 'radio', name: 'ly-source', value: 'sheet', id: 'ly-from-sheet' });
  const file = el('input', { type: 'file', accept: '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', id: 'ly-file' });
  const sheet = el('select', { id: 'ly-sheet' }, el('option', { value: '', textContent: '（选择工作表）' }));
  for (const x of [file, sheet]) {
    x.style.maxWidth = '100%';
    x.style.boxSizing = 'border-box';
    x.style.margin = '2px 0 6px';
  }
  const text = el('textarea', {
    id: 'ly-text',
    rows: 4,
    placeholder: '可选：粘贴上年公开的情况说明，用于取得表中没有的上年数（机关运行经费、政府采购、车辆、“三公”数量）。',
  });
  const previewButton = el('button', { id: 'ly-preview', className: 'primary', type: 'button', textContent: '预览' });
  const writeButton = el('button', { id: 'ly-write', type: 'button', textContent: '写入“补充信息”', disabled: true });
  const status = el('div', { id: 'ly-result', className: 'result' });
  status.setAttribute('aria-live', 'polite');
  const details = el('div', { id: 'ly-details', className: 'last-year' });

  root.append(
    el('h3', { textContent: '导入上年报表' }),
    el('div', { className: 'hint', textContent: '从上年公开的决算报表取得上年数，填入“补充信息”中空着的上年栏目；已填写的不改动，与上年报表不同之处列出。' }),
    el(
      'fieldset',
      {},
      el('legend', { textContent: '上年报表' }),
      el('label', { className: 'check' }, fromFile, '上年报表文件（.xlsx）'),
      file,
      el('label', { className: 'check' }, fromSheet, '本工作簿中贴有上年报表的工作表'),
      sheet,
    ),
    el('label', { className: 'field' }, '上年情况说明（可选）', text),
    el('div', { className: 'actions' }, previewButton, writeButton),
    status,
    details,
  );

  const fillSheets = async (): Promise<void> => {
    const names = (await host.listSheets()).map((s) => s.name);
    const keep = sheet.value;
    sheet.textContent = '';
    sheet.append(el('option', { value: '', textContent: '（选择工作表）' }));
    for (const n of names) sheet.append(el('option', { value: n, textContent: n }));
    sheet.value = names.includes(keep) ? keep : '';
  };
  fromSheet.addEventListener('change', () => void fillSheets().catch(onError));
  sheet.addEventListener('focus', () => void fillSheets().catch(onError));

  let readCache: { key: string; snapshots: SheetSnapshot[]; note?: string } | undefined;

  /** Last year's report as chosen (the file is read once per choice). */
  const source = async (): Promise<{ last: LastYearSource; exclude: string[]; note?: string }> => {
    const pasted = text.value.trim() ? text.value : undefined;
    if (fromSheet.checked) {
      if (!sheet.value) throw new Error('请选择贴有上年报表的工作表。');
      const snapshots = await host.readSheets([sheet.value]);
      return { last: { snapshots, text: pasted, name: sheet.value }, exclude: [sheet.value] };
    }
    const f = file.files?.[0];
    if (!f) throw new Error('请选择上年报表文件（.xlsx）。');
    const key = `${f.name}\u0000${f.size}\u0000${f.lastModified}`;
    if (readCache?.key !== key) {
      // The reader and JSZip are a separate chunk, loaded on first use.
      const { readXlsx } = await import(/* webpackChunkName: "last-year-xlsx" */ './xlsx-read');
      const r = await readXlsx(await fileBytes(f), f.name);
      readCache = {
        key,
        snapshots: r.snapshots,
        note: r.uncomputed ? `上年报表中有 ${r.uncomputed} 个公式没有保存计算结果且无法计算，按空白读取；请在 Excel/WPS 中打开并保存后再导入。` : undefined,
      };
    }
    return { last: { snapshots: readCache.snapshots, text: pasted, name: f.name }, exclude: [], note: readCache.note };
  };

  const render = (plan: LastYearImport, written: boolean, note?: string): void => {
    details.textContent = '';
    const list = (title: string, items: string[], cls = '', folded = false): void => {
      if (!items.length) return;
      const ul = el('ul', { className: cls }, ...items.map((t) => el('li', { textContent: t })));
      if (folded) details.append(el('details', {}, el('summary', { textContent: `${title}（${items.length}）` }), ul));
      else details.append(el('h3', { textContent: `${title}（${items.length}）` }), ul);
    };
    list(
      written ? '已填入“补充信息”' : '将填入“补充信息”',
      plan.fill.map((f) => `${f.label}：${amount(f.value)}（${f.source}）`),
      'ly-fill',
    );
    list(
      '已填写、与上年报表不同（保留所填，请核对）',
      plan.differ.map(
        (d) =>
          `${d.label}：已填 ${Number.isFinite(d.typed) ? amount(d.typed) : `“${d.typedText ?? '非数字'}”`}${d.cell ? `（${d.cell.sheet}!${d.cell.address}）` : ''}，上年报表为 ${amount(d.value)}（${d.source}）`,
      ),
      'ly-differ',
    );
    list(
      '已填写、与上年报表一致',
      plan.same.map((f) => `${f.label}：${amount(f.value)}`),
      'ly-same',
    );
    list(
      '上年报表中找不到，需手工填写',
      plan.missing.map((m) => m.label),
      'ly-missing',
    );
    list(
      '未能对应的科目（未猜测）',
      plan.lastYear.unmatched.map((u) => u.message),
      'ly-unmatched',
    );
    list(
      '其他上年数（“补充信息”无对应栏目，仅供参考）',
      plan.others.map((f) => `${f.label}：${figureText(f)}（${describeOrigin(f)}）`),
      'ly-others',
      true,
    );
    list('注意', [...(note ? [note] : []), ...plan.lastYear.problems.map((p) => p.message)], 'ly-problems');
  };

  const run = async (write: boolean): Promise<ImportLastYearResult> => {
    const { last, exclude, note } = await source();
    const r = await importLastYear(host, last, { write, excludeSheets: exclude });
    render(r, write && r.written.length > 0, note);
    return r;
  };

  const busy = async (b: HTMLButtonElement, f: () => Promise<void>): Promise<void> => {
    b.disabled = true;
    try {
      await f();
    } catch (e) {
      onError(e);
    } finally {
      b.disabled = false;
    }
  };

  const preview = async (): Promise<void> => {
    const r = await run(false);
    writeButton.disabled = r.fill.length === 0;
    status.classList.toggle('ok', true);
    status.textContent = r.fill.length
      ? `可填入 ${r.fill.length} 项上年数${r.differ.length ? `；${r.differ.length} 项与已填写的不同，不会改动` : ''}。核对无误后点“写入”。`
      : `没有需要填入的上年数${r.differ.length ? `；${r.differ.length} 项与已填写的不同，请核对` : ''}。`;
  };

  previewButton.addEventListener('click', () => void busy(previewButton, preview));
  writeButton.addEventListener(
    'click',
    () =>
      void busy(writeButton, async () => {
        const r = await run(true);
        status.classList.toggle('ok', true);
        status.textContent =
          (r.written.length
            ? `已写入“补充信息”${r.createdSheet ? '（新建该表）' : ''} ${r.written.length} 项上年数。`
            : '没有需要写入的上年数（可能已在“补充信息”中填写）。') +
          // A sheet of last year's tables left in the workbook is read as a second copy of the tables.
          (fromSheet.checked && sheet.value ? `导入后请删除或移出工作表“${sheet.value}”，以免校验和生成情况说明时把上年的表当作本年的表。` : '');
        writeButton.disabled = true;
      }),
  );
  for (const x of [file, sheet, text, fromFile, fromSheet]) x.addEventListener('change', () => (writeButton.disabled = true));

  return { preview };
}
