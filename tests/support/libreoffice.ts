import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

/**
 * Recalculate an .xlsx with LibreOffice headless, a real spreadsheet engine:
 * a fresh user profile whose registrymodifications.xcu sets OOXMLRecalcMode=0
 * ("always recalculate on load"), then --convert-to xlsx, which saves every
 * formula's computed value as its cached result (readable with ExcelJS as
 * cell.result). One profile per call, so parallel runs do not collide.
 */

export const SOFFICE = '/usr/bin/soffice';

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
`;

/** A new LibreOffice user profile that recalculates .xlsx files on load. */
export function makeRecalcProfile(parent: string = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, 'lo-profile-'));
  fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), REGISTRY);
  return dir;
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { timeout: timeoutMs, env: { ...process.env, HOME: process.env.HOME ?? os.tmpdir() } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stderr}`));
      else resolve({ stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/**
 * Recalculate `input` (an .xlsx) and write the result, with cached values, to
 * `outDir` (which must differ from the input's folder). Returns the output path.
 */
export async function recalculateXlsx(input: string, outDir: string, timeoutMs = 120_000): Promise<string> {
  return (await recalculateXlsxFiles([input], outDir, timeoutMs))[0];
}

/**
 * Recalculate several .xlsx files in one LibreOffice start (most of a conversion's cost
 * is LibreOffice starting: about 6 s of CPU here) and write each result to `outDir`
 * (which must differ from every input's folder; the base names must differ). Returns
 * the output paths, in the order of the inputs.
 */
export async function recalculateXlsxFiles(inputs: string[], outDir: string, timeoutMs = 120_000): Promise<string[]> {
  for (const input of inputs) {
    if (path.resolve(path.dirname(input)) === path.resolve(outDir)) {
      throw new Error('recalculateXlsx: outDir must differ from the input folder (same file name)');
    }
  }
  const outs = inputs.map((input) => path.join(outDir, path.basename(input).replace(/\.[^.]+$/, '') + '.xlsx'));
  if (new Set(outs).size !== outs.length) throw new Error(`recalculateXlsx: two inputs would write the same output: ${outs.join(', ')}`);
  fs.mkdirSync(outDir, { recursive: true });
  const profile = makeRecalcProfile();
  try {
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--nologo',
        '--nodefault',
        '--convert-to',
        'xlsx',
        '--outdir',
        outDir,
        ...inputs,
      ],
      timeoutMs * inputs.length,
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  inputs.forEach((input, i) => {
    if (!fs.existsSync(outs[i])) throw new Error(`LibreOffice wrote no output for ${input} (expected ${outs[i]})`);
  });
  return outs;
}
