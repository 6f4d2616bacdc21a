import type { WorkbookHost } from '../core/host';
import { MemoryHost } from '../hosts/memory/memory-host';
import { OfficeHost } from '../hosts/office/office-host';
import { WpsHost, type WpsApplication } from '../hosts/wps/wps-host';

export type HostMode = 'office' | 'wps' | 'memory';

export interface ChosenHost {
  host: WorkbookHost;
  mode: HostMode;
  /** What the pane tells the user about the connection, in Chinese. */
  label: string;
  /** A warning to show (old Excel, preview), if any. */
  note?: string;
}

interface PaneWindow {
  Application?: WpsApplication;
  Office?: {
    onReady(): Promise<{ host: string | null; platform: string | null }>;
    context?: { requirements?: { isSetSupported(name: string, version?: string): boolean } };
  };
}

function timeout<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/**
 * The host the pane talks to: Excel when Office.onReady reports it, WPS when its
 * `window.Application` is there, else an in-memory workbook (a preview outside any
 * spreadsheet; `?host=memory` forces it, for the browser test).
 */
export async function chooseHost(search: string, win: PaneWindow): Promise<ChosenHost> {
  const forced = new URLSearchParams(search).get('host');
  if (forced === 'memory') return preview('预览（内存工作簿）');
  if (win.Application && 'ActiveWorkbook' in win.Application) {
    return { host: new WpsHost(win.Application), mode: 'wps', label: '已连接 WPS 表格' };
  }
  if (win.Office && typeof win.Office.onReady === 'function') {
    const info = await Promise.race([win.Office.onReady().catch(() => null), timeout(8000, null)]);
    if (info?.host === 'Excel') {
      const req = win.Office.context?.requirements;
      const ok = (v: string) => {
        try {
          return !!req?.isSetSupported('ExcelApi', v);
        } catch {
          return false;
        }
      };
      if (!ok('1.1')) {
        return { ...preview('预览（Excel 版本过旧）'), note: '此版本的 Excel 不支持加载项接口（需要 ExcelApi 1.1 以上，即 Office 2016 或更新版本）。' };
      }
      return {
        host: new OfficeHost(),
        mode: 'office',
        label: '已连接 Excel',
        note: ok('1.6') ? undefined : '当前 Excel 版本较旧（ExcelApi 1.6 以下）：标记会临时改变单元格填充色，清除标记时恢复原样；合并单元格、冻结窗格、打印设置可能不会应用。',
      };
    }
  }
  return preview('预览（未连接 Excel/WPS）');
}

function preview(label: string): ChosenHost {
  return {
    host: new MemoryHost({ calculate: true }),
    mode: 'memory',
    label,
    note: '预览模式：未连接表格软件，操作只在本页内存中进行（合计等常用公式在本页计算）。请在 Excel 或 WPS 中打开本加载项使用。',
  };
}
