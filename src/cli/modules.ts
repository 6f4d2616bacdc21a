import * as path from 'path';
import { CliError } from './io';

/**
 * The CLI loads the workflow modules (and the sample) lazily, by path: a command
 * whose module is missing says so in Chinese instead of breaking every command.
 */
export function loadModule<T>(relFromSrc: string): T | null {
  const full = path.join(__dirname, '..', relFromSrc);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(full) as T;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'MODULE_NOT_FOUND' && err.message.includes(full)) return null;
    throw e;
  }
}

/** Like loadModule, but a missing module is a CliError naming the feature. */
export function requireModule<T>(relFromSrc: string, feature: string): T {
  const m = loadModule<T>(relFromSrc);
  if (!m) throw new CliError(`${feature}功能尚未就绪（缺少模块 src/${relFromSrc}）。`);
  return m;
}
