import { HostError } from '../core/host';
import { version } from '../../package.json';
import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { initCommand } from './commands/init';
import { narrateCommand } from './commands/narrate';
import { verifyCommand } from './commands/verify-text';
import { CliError, EXIT, processIo, safeIo, type Io } from './io';

/** The `juesuan` command line: a dispatcher over src/cli/commands/*.ts. */

export const HELP = `决算公开助手 命令行 juesuan

用法：juesuan <命令> [参数]

命令：
  init 输出.xlsx [--profile 2021] [--unit 单位名称] [--year 2021] [--on-conflict skip|beside|refresh] [--last-year 上年报表.xlsx]
        插入公开01–09表模板（含公式）和“补充信息”表；文件已存在时不覆盖已有工作表；
        --last-year 时从上年报表填入“补充信息”的上年数
  demo [输出.xlsx]
        生成内置示例（2021年度某区级单位决算），默认写到 out/demo-2021.xlsx，并校验、起草情况说明
  check 工作簿或文件夹… [--json] [--tolerance 0.005] [--report 结果.html|.csv|.json] [--no-text] [--quiet] [--jobs N]
        校验表内、表间勾稽关系，并核对同名情况说明；可一次校验整个文件夹，多核并行
  narrate 工作簿.xlsx [--json] [--last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]]
        起草情况说明（上年数可取自上年报表）
  verify-text 工作簿.xlsx 情况说明.txt [--json] [--last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]]
        核对已有情况说明与表中数据

退出码：0 正常（无“错误”级问题）；1 存在“错误”级问题（check 多个文件时有文件无法读取也为 1）；
2 文件无法读取或参数有误（check 多个文件时仅当没有任何文件能够读取）。
查看某个命令的说明：juesuan <命令> --help`;

/** node:util parseArgs errors, in Chinese. */
function parseArgsMessage(e: Error): string {
  const m = e.message;
  let x: RegExpExecArray | null;
  if ((x = /Unknown option '([^']+)'/.exec(m))) return `未知选项 ${x[1]}`;
  if ((x = /Option '([^']+)' argument missing/.exec(m))) return `选项 ${x[1].replace(/^-\w, /, '')} 缺少取值`;
  if ((x = /Option '([^']+)' does not take an argument/.exec(m))) return `选项 ${x[1].replace(/^-\w, /, '')} 不接受取值`;
  if (/Unexpected argument/.test(m)) return `多余的参数（${m}）`;
  return m;
}

type Command = (argv: string[], io: Io) => Promise<number>;

/**
 * The commands. They are imported statically: the compiled CLI is one bundle parsed
 * once anyway (a lazy require() by path would not survive bundling).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  init: async () => initCommand,
  demo: async () => demoCommand,
  check: async () => checkCommand,
  narrate: async () => narrateCommand,
  'verify-text': async () => verifyCommand,
};

/**
 * Run the CLI; resolves to the exit code (never throws). Everything printed goes
 * through safeIo (control characters escaped), whatever Io is given.
 */
export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.unreadable;
  }
  if (name === '--version' || name === '-v') {
    io.out(version);
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`未知命令“${name}”。\n\n${HELP}`);
    return EXIT.unreadable;
  }
  try {
    const command = await load();
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(e.message);
      return e.exitCode;
    }
    if (e instanceof HostError) {
      io.err(e.message);
      return EXIT.unreadable;
    }
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`参数有误：${parseArgsMessage(e as Error)}\n运行 juesuan ${name} --help 查看用法。`);
      return EXIT.unreadable;
    }
    io.err(`内部错误：${(e as Error).stack ?? String(e)}`);
    return 70;
  }
}
