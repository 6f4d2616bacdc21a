import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { juesuan } from '../support/cli';

/**
 * `juesuan narrate` on workbooks with parts missing or broken: no 补充信息 sheet, no 三公
 * table, empty 08/09, totals that are error values. The draft never states a made-up
 * number and says what is wrong where.
 */

interface Draft {
  sections: Array<{ id: string; text: string }>;
  todo: string[];
}

describe('QA: narrate on incomplete or broken workbooks', function () {
  this.timeout(120_000);
  let dir: string;
  let demo: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'juesuan-qa-narrate-'));
    demo = path.join(dir, 'demo.xlsx');
    assert.equal((await juesuan(['demo', demo], dir)).status, 0);
  });
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function variant(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<Draft> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(demo);
    edit(wb);
    const file = path.join(dir, `${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    const r = await juesuan(['narrate', file, '--json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const d = JSON.parse(r.stdout) as Draft;
    for (const s of d.sections) assert.doesNotMatch(s.text, /NaN|undefined|Infinity/, `${name} ${s.id}`);
    return d;
  }
  const section = (d: Draft, id: string) => d.sections.find((s) => s.id === id)!.text;

  it('a #N/A typed into 03 makes its totals unusable: section 三 says the table is there but its total is an error', async () => {
    const d = await variant('na', (wb) => {
      wb.getWorksheet('公开03表')!.getCell('E12').value = { error: '#N/A' };
    });
    assert.equal(section(d, '三'), '【请填写：支出决算表合计数无法读取，请先改正“公开03表”表】');
    assert.ok(
      d.todo.some((t) => t.startsWith('三、') && t.includes('“公开03表”表中的支出决算表已读到，但其合计数是错误值或文字')),
      d.todo.join('\n'),
    );
    assert.ok(
      d.todo.some((t) => t.startsWith('读表：') && t.includes('E12')),
      'the 读表 lines name the cell',
    );
    assert.ok(!d.todo.some((t) => t.includes('未读到支出决算表')), 'the table is not called missing');
  });

  it('without the 三公 table, section 七 asks for it; without 补充信息, prompts instead of figures', async () => {
    const d = await variant('no07', (wb) => {
      wb.removeWorksheet(wb.getWorksheet('公开07表')!.id);
      wb.removeWorksheet(wb.getWorksheet('补充信息')!.id);
    });
    assert.match(section(d, '七'), /未读到“三公”经费支出决算表/);
    assert.match(section(d, '一'), /【请填写：上年收、支总计】/);
    assert.ok(d.todo.some((t) => t.includes('补充信息表尚未插入')));
  });

  it('empty 08 and 09 give the "no such spending" sentences', async () => {
    const d = await variant('empty0809', (wb) => {
      for (const name of ['公开08表', '公开09表']) {
        wb.getWorksheet(name)!.eachRow((row, r) => {
          if (r > 7) row.eachCell((c) => (typeof c.value === 'number' ? (c.value = null) : undefined));
        });
      }
    });
    assert.match(section(d, '八'), /没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出/);
    assert.match(section(d, '九'), /没有使用国有资本经营预算财政拨款安排的支出/);
  });
});
