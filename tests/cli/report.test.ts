import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { variants } from '../../bench/cli-workbooks';
import type { FileResult, FoundItem } from '../../src/cli/batch/types';
import { escapeControls, type Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { csvField, csvReport } from '../../src/cli/report/csv';
import { escapeHtml, htmlReport } from '../../src/cli/report/html';
import { jsonReport } from '../../src/cli/report/json';

/**
 * The reports of `juesuan check --report`: HTML (self-contained, escaped, worst first,
 * filterable, printable), CSV (UTF-8 with BOM, one row per finding) and JSON (the --json
 * findings plus a summary per file); and the escaping of control characters in
 * everything the CLI prints.
 */

const cell = (sheet: string, address: string) => ({ sheet, address });

const explained: FoundItem = {
  rule: 't03-row-basic-plus-project',
  severity: 'error',
  message: '03表 2010101 行次合计 120.00 ≠ 基本支出+项目支出 121.00',
  cells: [cell('公开03表', 'C9')],
  table: 'expenditure',
};
const slip: FoundItem = {
  rule: 'likely-slip',
  severity: 'error',
  message: '疑似笔误：公开03表 D9 应为 20.00',
  cells: [cell('公开03表', 'D9')],
  table: 'expenditure',
  expected: 20,
  explains: [explained],
};

function result(file: string, over: Partial<FileResult>): FileResult {
  return { file, ok: true, findings: [], computed: 0, tableNumbers: { expenditure: '03', income: '02' }, ms: 1, ...over };
}

const EVIL = '<script>alert("x")</script>&\u001b[31m';

const RESULTS: FileResult[] = [
  result('ok.xlsx', { unit: '甲单位' }),
  result('warn.xlsx', {
    unit: '乙单位',
    findings: [{ rule: 't05-le-t03', severity: 'warning', message: `提示 ${EVIL}`, cells: [cell(`表${EVIL}`, 'B2')], table: 'income' }],
  }),
  result('bad.xlsx', { ok: false, error: '无法读取“bad.xlsx”：文件不存在。' }),
  result('slip.xlsx', {
    unit: '丙单位',
    findings: [slip, { rule: 'r', severity: 'rounding', message: '尾数差异 0.01', cells: [], table: 'income' }],
    narrative: {
      kind: 'docx',
      source: 'slip.docx',
      findings: [
        { rule: 'text-unverified', severity: 'unverified', message: '无法与表中数据对应', cells: [], quote: '约三成' },
        { rule: 'text-share', severity: 'error', message: '占比应为95.42%', cells: [cell('公开02表', 'D8')], quote: '=96.42%', expected: '95.42%' },
      ],
    },
  }),
];

describe('juesuan check --report', function () {
  this.timeout(120_000);

  it('HTML: self-contained, everything from the workbooks escaped, departments worst first with counts, nested explanations, filters, print style', () => {
    const html = htmlReport(RESULTS, { date: new Date(2026, 11, 5, 9, 30) });
    assert.ok(!/(src|href)\s*=\s*["']?(https?:|\/\/)/i.test(html), 'no external resource');
    assert.ok(!/<link\b/i.test(html) && !/@import|url\(/i.test(html), 'no linked style or font');
    assert.ok(!html.includes('<script>alert'), 'workbook text is escaped');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;'));
    assert.ok(html.includes('2026-12-05 09:30'));
    // The department table: worst first (errors, unreadable, warnings, ok).
    const order = [...html.matchAll(/<tr><td>\d+<\/td><td><a href="#f\d+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.deepEqual(order, ['丙单位', 'bad.xlsx', '乙单位', '甲单位']);
    // Counts by severity of top-level findings: the slip's explained finding is not counted again.
    assert.match(
      html,
      /丙单位<\/a><div class="cells">slip\.xlsx<\/div><\/td><td class="n">2<\/td><td class="n">0<\/td><td class="n">1<\/td><td class="n">1<\/td><td class="s-error">有错误<\/td>/,
    );
    assert.match(html, /bad\.xlsx<\/a>.*<td class="n">—<\/td>.*无法读取/);
    assert.match(html, /<li class="sev-error">.*疑似笔误.*<ul class="x"><li>└ 03表 2010101 行次合计.*公开03表!C9/);
    assert.match(html, /<q>=96\.42%<\/q>：占比应为95\.42%/);
    // 无法核对 listed last in its department.
    const slipSection = html.slice(html.indexOf('id="f0"'), html.indexOf('id="f1"'));
    assert.ok(slipSection.indexOf('sev-unverified') > slipSection.lastIndexOf('class="sev-error"'));
    for (const s of ['error', 'warning', 'rounding', 'unverified']) assert.ok(html.includes(`<input type="checkbox" value="${s}" checked>`));
    assert.match(html, /body\.hide-error li\.sev-error/);
    assert.match(html, /@media print\{\.controls\{display:none\}/);
    assert.equal(escapeHtml(`a<b>&"'`), 'a&lt;b&gt;&amp;&quot;&#39;');
  });

  it('CSV: UTF-8 with BOM, a header, one row per finding (explained ones under their slip), unreadable files listed, formula-like text neutralised', () => {
    const csv = csvReport(RESULTS);
    assert.ok(csv.startsWith('\uFEFF文件,表,规则,级别,问题,单元格,原文\r\n'));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(lines.length, 1 + 1 + 1 + 2 + 1 + 2, lines.join('\n'));
    assert.equal(lines[2], 'bad.xlsx,,unreadable,无法读取,无法读取“bad.xlsx”：文件不存在。,,');
    assert.match(lines[3], /^slip\.xlsx,公开03表 支出决算表,likely-slip,错误,疑似笔误：公开03表 D9 应为 20\.00,公开03表!D9,$/);
    assert.match(lines[4], /^slip\.xlsx,公开03表 支出决算表,t03-row-basic-plus-project,错误,└ 03表/);
    assert.match(lines[7], /^slip\.xlsx,情况说明,text-share,错误,占比应为95\.42%,公开02表!D8,"'=96\.42%"$/);
    assert.equal(csvField('a,"b"'), '"a,""b"""');
    assert.equal(csvField('-12.5%'), '-12.5%');
    assert.equal(csvField('@SUM(A1)'), `"'@SUM(A1)"`);
    assert.equal(csvField('行1\n行2'), '"行1\n行2"');
  });

  it('JSON: the --json findings plus one summary per file, in input order', () => {
    const j = jsonReport(RESULTS);
    assert.deepEqual(
      j.files.map((f) => [f.file, f.status, f.counts.error, f.counts.unverified]),
      [
        ['ok.xlsx', 'ok', 0, 0],
        ['warn.xlsx', 'warning', 0, 0],
        ['bad.xlsx', 'unreadable', 0, 0],
        ['slip.xlsx', 'error', 2, 1],
      ],
    );
    assert.equal(j.files[2].reason, '无法读取“bad.xlsx”：文件不存在。');
    assert.deepEqual(j.files[3].narrative, { kind: 'docx', source: 'slip.docx', counts: { error: 1, warning: 0, rounding: 0, unverified: 1 }, error: null });
    const s = j.findings.find((f) => f.rule === 'likely-slip');
    assert.ok(s);
    assert.equal(s.expected, 20);
    assert.deepEqual(s.explains?.[0], { rule: explained.rule, severity: 'error', message: explained.message, cells: explained.cells });
    assert.equal(j.findings.find((f) => f.rule === 'text-share')?.source, 'slip.docx');
  });

  it('writes the three reports from a real run, and says so on stderr', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-report-'));
    try {
      const [clean, slipped] = await variants();
      fs.writeFileSync(path.join(dir, 'a.xlsx'), clean);
      fs.writeFileSync(path.join(dir, 'b.xlsx'), slipped);
      const err: string[] = [];
      const io: Io = { out: () => undefined, err: (t) => err.push(t) };
      const out = (ext: string) => path.join(dir, 'out', `r.${ext}`);
      const code = await main(['check', dir, '--jobs', '1', '--report', out('html'), '--report', out('csv'), '--report', out('json')], io);
      assert.equal(code, 1);
      assert.ok(err.some((l) => l === `审核结果已保存：${out('html')}`));
      const j = JSON.parse(fs.readFileSync(out('json'), 'utf8')) as ReturnType<typeof jsonReport>;
      assert.deepEqual(
        j.files.map((f) => [path.basename(f.file), f.status]),
        [
          ['a.xlsx', 'rounding'],
          ['b.xlsx', 'error'],
        ],
      );
      assert.ok(fs.readFileSync(out('csv'), 'utf8').startsWith('\uFEFF文件,'));
      assert.match(fs.readFileSync(out('html'), 'utf8'), /^<!DOCTYPE html>/);
      const bad = await main(['check', dir, '--report', path.join(dir, 'r.pdf')], io);
      assert.equal(bad, 2);
      assert.match(err[err.length - 1], /--report 的文件应以 \.html、\.csv 或 \.json 结尾/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('juesuan output: control characters', () => {
  it('escapes C0/C1 controls and bidi overrides as \\uXXXX, keeps tab, newline and Chinese', () => {
    assert.equal(escapeControls('公开\t表\n'), '公开\t表\n');
    assert.equal(escapeControls('a\u001b[2Jb\rc\u0007'), 'a\\u001b[2Jb\\u000dc\\u0007');
    assert.equal(escapeControls('\u202eslx.exe\u0085'), '\\u202eslx.exe\\u0085');
    assert.deepEqual(JSON.parse(`"${escapeControls('\u0085\u202e')}"`), '\u0085\u202e', 'still valid JSON');
  });

  it('every command prints through it: a file name with an escape sequence reaches the terminal escaped', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const code = await main(['check', 'no\u001b]0;pwned\u0007such.xlsx'], io);
    assert.equal(code, 2);
    const all = [...out, ...err].join('\n');
    const control = (ch: string) => {
      const c = ch.charCodeAt(0);
      return (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
    };
    assert.ok(![...all].some(control), JSON.stringify(all));
    assert.match(all, /no\\u001b\]0;pwned\\u0007such\.xlsx/);
    const unknown: string[] = [];
    await main(['\u001b[31mfrob'], { out: () => undefined, err: (t) => unknown.push(t) });
    assert.match(unknown.join(''), /未知命令“\\u001b\[31mfrob”/);
  });
});
