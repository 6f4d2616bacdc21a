import { HostError } from '../core/host';
import { CliError, EXIT, processIo, type Io } from './io';

/** The `juesuan` command line: a dispatcher over src/cli/commands/*.ts. */

export const HELP = `决算公开助手 命令行 juesuan

用法：juesuan <命令> [参数]

命令：
  init 输出.xlsx [--profile 2021] [--unit 单位名称] [--year 2021] [--on-conflict skip|beside|refresh] [--last-year 上年报表.xlsx]
        插入公开01–09表模板（含公式）和“补充信息”表；文件已存在时不覆盖已有工作表；
        --last-year 时从上年报表填入“补充信息”的上年数
  demo [输出.xlsx]
        生成内置示例（2021年度某区级单位决算），默认写到 out/demo-2021.xlsx，并校验、起草情况说明
  check 工作簿.xlsx [工作簿2.xlsx …] [--json] [--tolerance 0.005]
        校验表内、表间勾稽关系
  narrate 工作簿.xlsx [--json] [--last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]]
        起草情况说明（上年数可取自上年报表）
  verify-text 工作簿.xlsx 情况说明.txt [--json] [--last-year 上年报表.xlsx [--last-year-text 上年情况说明.txt]]
        核对已有情况说明与表中数据

退出码：0 正常（无“错误”级问题）；1 存在“错误”级问题；2 文件无法读取或参数有误。
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

/** Each command's module is loaded only when it runs (fast --help, small start-up). */
const COMMANDS: Record<string, () => Command> = {
  init: () => (require('./commands/init') as typeof import('./commands/init')).initCommand,
  demo: () => (require('./commands/demo') as typeof import('./commands/demo')).demoCommand,
  check: () => (require('./commands/check') as typeof import('./commands/check')).checkCommand,
  narrate: () => (require('./commands/narrate') as typeof import('./commands/narrate')).narrateCommand,
  'verify-text': () => (require('./commands/verify-text') as typeof import('./commands/verify-text')).verifyCommand,
};

/** Run the CLI; resolves to the exit code (never throws). */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? EXIT.ok : EXIT.unreadable;
  }
  if (name === '--version' || name === '-v') {
    io.out(String((require('../../package.json') as { version: string }).version));
    return EXIT.ok;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`未知命令“${name}”。\n\n${HELP}`);
    return EXIT.unreadable;
  }
  try {
    const command = load();
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
