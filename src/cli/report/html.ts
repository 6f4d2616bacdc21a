import { SEVERITY_NAMES, type Severity } from '../../core/findings/finding';
import type { FileResult, FoundItem } from '../batch/types';
import { fileCounts } from '../batch/types';
import { cellsText, displayName, SEVERITY_ORDER, STATUS_NAMES, statusOf, summaryOf, tableLabelOf, totalsOf, worstFirst } from './summary';

/**
 * `--report out.html`: one self-contained page (inline style and script, no network,
 * no external font): a table of the departments with counts by severity and a status,
 * worst first; under it each department's findings (message, cells, and for the
 * narrative the quoted words). Check boxes filter by severity (without script every
 * finding shows); printing drops the controls and keeps colours. Everything taken from
 * the workbooks (names, messages, quotes, sheet names) is HTML-escaped.
 */

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const e = escapeHtml;

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",SimSun,sans-serif;margin:24px;color:#222;line-height:1.5}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 6px;border-bottom:1px solid #ccc;padding-bottom:4px}
.meta{color:#555;font-size:13px}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:12px}
th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f0f0f0}
td.n{text-align:right;font-variant-numeric:tabular-nums}
.s-error{color:#b00020;font-weight:bold}.s-unreadable{color:#8a4b00;font-weight:bold}.s-warning{color:#8a6d00}.s-rounding{color:#555}.s-ok{color:#1b5e20}
.badge{display:inline-block;min-width:4.5em;text-align:center;border-radius:3px;padding:0 4px;margin-right:6px;font-size:12px;color:#fff}
.b-error{background:#b00020}.b-warning{background:#b8860b}.b-rounding{background:#777}.b-unverified{background:#5c6bc0}
ul.f{list-style:none;padding-left:0;margin:4px 0}ul.f li{margin:3px 0;padding:3px 0;border-bottom:1px dotted #ddd}
ul.x{list-style:none;margin:2px 0 0 2em;padding:0;font-size:13px;color:#444}
.cells{color:#555;font-size:12px;font-family:Consolas,"DejaVu Sans Mono",monospace}
q{background:#fff3c4;quotes:"“" "”"}
.reason{color:#8a4b00}.tbl{color:#333;font-weight:bold}
.controls{margin:12px 0;padding:8px;background:#f7f7f7;border:1px solid #ddd;font-size:14px}
.controls label{margin-right:14px;cursor:pointer}
body.hide-error li.sev-error,body.hide-warning li.sev-warning,body.hide-rounding li.sev-rounding,body.hide-unverified li.sev-unverified{display:none}
@media print{.controls{display:none}body{margin:0}h2{break-after:avoid}li{break-inside:avoid}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
`;

const SCRIPT = `
document.querySelectorAll('.controls input').forEach(function (box) {
  box.addEventListener('change', function () { document.body.classList.toggle('hide-' + box.value, !box.checked); });
});
`;

function item(r: FileResult, f: FoundItem, narrative: boolean): string {
  const sev: Severity = f.severity;
  const quote = f.quote ? `<q>${e(f.quote)}</q>：` : '';
  const where = narrative ? (f.section ? `[${e(f.section)}] ` : '') : `<span class="tbl">${e(tableLabelOf(r, f))}</span>\u3000`;
  const cells = f.cells.length ? ` <span class="cells">${e(cellsText(f))}</span>` : '';
  const explains = f.explains?.length
    ? `<ul class="x">${f.explains.map((x) => `<li>└ ${e(x.message)}${x.cells.length ? ` <span class="cells">${e(cellsText(x))}</span>` : ''}</li>`).join('')}</ul>`
    : '';
  return `<li class="sev-${sev}"><span class="badge b-${sev}">${e(SEVERITY_NAMES[sev])}</span>${where}${quote}${e(f.message)}${cells}${explains}</li>`;
}

function list(r: FileResult, items: FoundItem[], narrative: boolean): string {
  const sorted = SEVERITY_ORDER.flatMap((s) => items.filter((f) => f.severity === s));
  return `<ul class="f">${sorted.map((f) => item(r, f, narrative)).join('')}</ul>`;
}

function section(r: FileResult, index: number): string {
  const status = statusOf(r);
  const head = `<h2 id="f${index}">${e(displayName(r))} <span class="s-${status}">（${e(STATUS_NAMES[status])}）</span></h2><div class="meta">${e(r.file)}</div>`;
  if (!r.ok) return `${head}<p class="reason">${e(r.error ?? '无法读取')}</p>`;
  const parts = [head];
  if (r.computed) parts.push(`<p class="meta">文件中 ${r.computed} 个公式没有保存计算结果，已在本机计算后校验。</p>`);
  parts.push(r.findings.length ? list(r, r.findings, false) : '<p>表格：未发现问题。</p>');
  const n = r.narrative;
  if (n) {
    const src = n.kind === 'sheet' ? `工作表“${n.source}”` : `文件 ${n.source}`;
    parts.push(`<h3>情况说明（${e(src)}）</h3>`);
    if (n.error) parts.push(`<p class="reason">${e(n.error)}</p>`);
    else parts.push(n.findings.length ? list(r, n.findings, true) : '<p>未发现情况说明与表中数据不一致之处。</p>');
  }
  return parts.join('\n');
}

export interface HtmlReportOptions {
  /** When the run was made (shown in the header). */
  date?: Date;
  tolerance?: number;
}

export function htmlReport(results: FileResult[], options: HtmlReportOptions = {}): string {
  const ordered = worstFirst(results);
  const totals = totalsOf(results.map(summaryOf));
  const date = options.date ?? new Date();
  const stamp = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')} ${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  const rows = ordered.map((r, i) => {
    const status = statusOf(r);
    const c = r.ok ? fileCounts(r) : undefined;
    const n = (s: Severity) => `<td class="n">${c ? c[s] : '—'}</td>`;
    return `<tr><td>${i + 1}</td><td><a href="#f${i}">${e(displayName(r))}</a><div class="cells">${e(r.file)}</div></td>${SEVERITY_ORDER.map(n).join('')}<td class="s-${status}">${e(STATUS_NAMES[status])}</td></tr>`;
  });
  const controls = SEVERITY_ORDER.map(
    (s) => `<label><input type="checkbox" value="${s}" checked> <span class="badge b-${s}">${e(SEVERITY_NAMES[s])}</span></label>`,
  ).join('');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>部门决算公开 审核结果</title>
<style>${STYLE}</style>
</head>
<body>
<h1>部门决算公开 审核结果</h1>
<div class="meta">生成时间 ${e(stamp)}\u3000共 ${totals.files} 个文件：${e(STATUS_NAMES.error)} ${totals.byStatus.error} 个，${e(STATUS_NAMES.unreadable)} ${totals.unreadable} 个，${e(STATUS_NAMES.warning)} ${totals.byStatus.warning} 个，${e(STATUS_NAMES.rounding)} ${totals.byStatus.rounding} 个，${e(STATUS_NAMES.ok)} ${totals.byStatus.ok} 个${options.tolerance !== undefined ? `\u3000容差 ${options.tolerance}` : ''}。“无法核对”指情况说明中无法与表中数据对应的表述，不计入错误和提示。</div>
<div class="controls">显示：${controls}</div>
<table>
<thead><tr><th>序号</th><th>单位（文件）</th>${SEVERITY_ORDER.map((s) => `<th>${e(SEVERITY_NAMES[s])}</th>`).join('')}<th>状态</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
${ordered.map((r, i) => section(r, i)).join('\n')}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
