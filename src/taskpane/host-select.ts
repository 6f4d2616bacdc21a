import { HostError, type MarkRequest, type SheetInfo, type WorkbookHost } from '../core/host';
import type { CellRef } from '../core/cells';
import type { SheetSnapshot } from '../core/model/snapshot';
import type { WriteBatch } from '../core/plan/sheet-plan';
import { MemoryHost } from '../hosts/memory/memory-host';
import { OfficeHost, officeVersionFor } from '../hosts/office/office-host';
import { WpsHost, type WpsApplication } from '../hosts/wps/wps-host';

export type HostMode = 'office' | 'wps' | 'memory';

export interface ChosenHost {
  host: WorkbookHost;
  mode: HostMode;
  /** What the pane tells the user about the connection, in Chinese. */
  label: string;
  /** A warning to show (old Excel, preview, no connection), if any. */
  note?: string;
}

interface PaneWindow {
  Application?: WpsApplication;
  /** WPS加载项 expose `wps` (wps.CreateTaskPane …) beside Application. */
  wps?: unknown;
  navigator?: { userAgent?: string };
  Office?: {
    onReady(): Promise<{ host: string | null; platform: string | null }>;
    context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
  };
}

/** How long to wait for a host (milliseconds); tests shorten them. */
export interface DetectTimes {
  /** Office.onReady before a page outside Office is taken for the preview. */
  office: number;
  /** Office.onReady inside Office (the URL carries _host_Info) before giving up: a slow start. */
  officeInside: number;
  /** window.Application inside WPS, which may appear after the page's scripts run. */
  wps: number;
  poll: number;
}

const TIMES: DetectTimes = { office: 8000, officeInside: 60000, wps: 10000, poll: 100 };

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A wait that can be called off, so that no timer outlives the race it was in. */
function cancellableTimeout<T>(ms: number, value: T): { done: Promise<T>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const done = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(value), ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
}

const hasWps = (win: PaneWindow) => !!win.Application && 'ActiveWorkbook' in win.Application;

/**
 * Signs that the page runs inside Office: Office appends `_host_Info=Excel$Win32$16.01$zh-CN…`
 * (host, platform, version, locale) to the add-in's start URL
 * (https://github.com/OfficeDev/office-js-docs/pull/615).
 */
function insideOffice(search: string): string | null {
  const info = new URLSearchParams(search).get('_host_Info');
  return info ? info.split('$')[0] || 'Office' : null;
}

/** Signs that the page runs inside WPS: its `wps` object, or its name in the user agent. */
function insideWps(win: PaneWindow): boolean {
  return !!win.wps || /\bWPS\b|wpsoffice|Kingsoft/i.test(win.navigator?.userAgent ?? '');
}

/** Wait for window.Application (WPS), up to ms, or until `stop.stopped`. */
async function waitForWps(win: PaneWindow, ms: number, poll: number, stop: { stopped: boolean } = { stopped: false }): Promise<boolean> {
  for (let waited = 0; ; waited += poll) {
    if (hasWps(win)) return true;
    if (waited >= ms || stop.stopped) return false;
    await sleep(poll);
  }
}

/**
 * The host the pane talks to: WPS when its `window.Application` is there (waiting for
 * it when the page runs inside WPS), Excel when Office.onReady reports it (waiting
 * longer when the URL says the page runs inside Office: a cold start of Excel can take
 * many seconds), else an in-memory workbook — a preview, only outside any spreadsheet
 * (`?host=memory` forces it, for the browser test). Inside Excel or WPS the pane never
 * falls into the preview: if the host does not answer, the pane says it is not
 * connected and every action explains why.
 */
export async function chooseHost(search: string, win: PaneWindow, times: Partial<DetectTimes> = {}): Promise<ChosenHost> {
  const t = { ...TIMES, ...times };
  const forced = new URLSearchParams(search).get('host');
  if (forced === 'memory') return preview('预览（内存工作簿）');
  if (hasWps(win)) return wps(win);
  const officeHost = insideOffice(search);
  const inWps = insideWps(win);

  if (win.Office && typeof win.Office.onReady === 'function') {
    const ready = win.Office.onReady().catch(() => null);
    const wait = officeHost ? t.officeInside : t.office;
    // WPS may load the Office page too: whichever answers first
    const timer = cancellableTimeout(wait, null);
    const stop = { stopped: false };
    const info = await Promise.race([
      ready,
      timer.done,
      inWps ? waitForWps(win, wait, t.poll, stop).then((ok) => (ok ? 'wps' : null)) : new Promise<never>(() => undefined),
    ]);
    timer.cancel();
    stop.stopped = true;
    if (info === 'wps' || hasWps(win)) return wps(win);
    if (info && typeof info === 'object' && info.host === 'Excel') return excel(win);
    if (info && typeof info === 'object' && info.host) {
      return unconnected('office', `当前宿主是 ${info.host}，决算公开助手只能在 Excel（或 WPS 表格）中使用。`);
    }
    if (officeHost) {
      return unconnected('office', `Excel 在 ${Math.round(wait / 1000)} 秒内没有就绪，加载项未能连接到工作簿。请关闭本任务窗格后重新打开；仍不行时请重启 Excel。`);
    }
  } else if (officeHost) {
    return unconnected('office', 'Office.js 未能加载（加载项服务器不可达或被拦截），加载项无法连接到 Excel。请检查内网加载项地址是否可以访问，然后重新打开任务窗格。');
  }
  if (inWps) {
    if (await waitForWps(win, t.wps, t.poll)) return wps(win);
    return unconnected(
      'wps',
      `WPS 表格在 ${Math.round(t.wps / 1000)} 秒内没有提供表格接口（window.Application），加载项未能连接到工作簿。请确认在 WPS 表格（而非文字或演示）中打开，并已启用 JS 加载项（oem.ini 中 JsApiPlugin=true）。`,
    );
  }
  return preview('预览（未连接 Excel/WPS）');
}

function wps(win: PaneWindow): ChosenHost {
  return { host: new WpsHost(win.Application), mode: 'wps', label: '已连接 WPS 表格' };
}

function excel(win: PaneWindow): ChosenHost {
  const req = win.Office?.context?.requirements;
  const ok = (v: string) => {
    try {
      return !!req?.isSetSupported('ExcelApi', v);
    } catch {
      return false;
    }
  };
  if (!ok('1.1')) {
    return unconnected('office', `此版本的 Excel 不支持加载项接口（需要 ExcelApi 1.1，即 ${officeVersionFor('1.1')}）。`);
  }
  return {
    host: new OfficeHost(),
    mode: 'office',
    label: '已连接 Excel',
    note: ok('1.6')
      ? undefined
      : `当前 Excel 版本较旧（ExcelApi 1.6 以下，${officeVersionFor('1.6')}才有完整功能）：标记会临时改变单元格填充色，清除标记时恢复原样；${ok('1.2') ? '' : '列宽、行高、'}合并单元格、冻结窗格、打印设置可能不会应用。`,
  };
}

/** Inside Excel or WPS without a connection: every action says why, nothing is written anywhere. */
class UnconnectedHost implements WorkbookHost {
  constructor(
    readonly kind: string,
    private readonly reason: string,
  ) {}
  private refuse(): never {
    throw new HostError(this.reason);
  }
  async isStructureProtected(): Promise<boolean> {
    return this.refuse();
  }
  async listSheets(): Promise<SheetInfo[]> {
    return this.refuse();
  }
  async readSheets(names?: string[]): Promise<SheetSnapshot[]> {
    void names;
    return this.refuse();
  }
  async apply(batch: WriteBatch): Promise<void> {
    void batch;
    this.refuse();
  }
  async mark(request: MarkRequest): Promise<void> {
    void request;
    this.refuse();
  }
  async clearMarks(): Promise<void> {
    this.refuse();
  }
  async select(cells: CellRef[]): Promise<void> {
    void cells;
    this.refuse();
  }
}

function unconnected(mode: 'office' | 'wps', reason: string): ChosenHost {
  const name = mode === 'office' ? 'Excel' : 'WPS 表格';
  return { host: new UnconnectedHost(mode, reason), mode, label: `未连接 ${name}`, note: reason };
}

function preview(label: string): ChosenHost {
  return {
    host: new MemoryHost({ calculate: true }),
    mode: 'memory',
    label,
    note: '预览模式：未连接表格软件，操作只在本页内存中进行（合计等常用公式在本页计算）。请在 Excel 或 WPS 中打开本加载项使用。',
  };
}
