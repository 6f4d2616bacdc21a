/**
 * The CLI bench's workbooks (bench/cli.ts): the built-in sample report (the 2021 seed's
 * nine tables in their real layout with formulas, and the 补充信息 sheet) saved as Excel
 * saves it — every formula with its cached value — in four variants: as is; with a
 * planted slip (a 03 项 基本支出 +1.00, which breaks its row and 款 sums); each with and
 * without a drafted 情况说明 sheet. writeCorpus() writes N files cycling through them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseA1 } from '../src/core/cells';
import { valueAt } from '../src/core/model/snapshot';
import { sampleBatch } from '../src/core/sample/seed-2021';
import { draftNarrative, writeNarrativeSheet } from '../src/core/workflows/draft-narrative';
import { buildDemo } from '../src/cli/commands/demo';
import { evaluateFormulas } from '../src/hosts/xlsx/evaluate';
import type { XlsxHost } from '../src/hosts/xlsx/xlsx-host';

async function plantSlip(host: XlsxHost): Promise<void> {
  const t03 = sampleBatch().layouts.find((l) => l.key === 'expenditure');
  const item = t03?.lines.find((l) => /^\d{7}$/.test(l.code ?? '') && l.values.basic?.cell);
  const cell = item?.values.basic?.cell;
  if (!cell) throw new Error('bench: no 03 项 row with a 基本支出 cell in the sample');
  const { row, col } = parseA1(cell.address);
  const [snap] = await host.readSheets([cell.sheet]);
  const v = Number(valueAt(snap, row, col) ?? 0);
  await host.apply({ create: [], update: [{ name: cell.sheet, cells: [{ row, col, value: Math.round((v + 1) * 100) / 100 }], merges: [], styles: {} }] });
}

async function variant(slip: boolean, narrative: boolean): Promise<Buffer> {
  const host = await buildDemo();
  if (slip) await plantSlip(host);
  evaluateFormulas(host, false); // cached values, as Excel/WPS save them
  if (narrative) await writeNarrativeSheet(host, await draftNarrative(host));
  return host.toBuffer();
}

export async function variants(): Promise<Buffer[]> {
  return [await variant(false, false), await variant(true, false), await variant(false, true), await variant(true, true)];
}

/** N workbooks 部门001.xlsx … in dir (created), cycling through the variants. */
export async function writeCorpus(dir: string, n: number, bufs?: Buffer[]): Promise<string[]> {
  const v = bufs ?? (await variants());
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const f = path.join(dir, `部门${String(i + 1).padStart(3, '0')}.xlsx`);
    fs.writeFileSync(f, v[i % v.length]);
    files.push(f);
  }
  return files;
}
