/**
 * The ribbon's function file (manifest FunctionFile). The 决算公开 button opens the
 * task pane by itself (ShowTaskpane), so there are no commands yet; the file must
 * still load and call Office.onReady for Office to accept the add-in.
 */
import '../taskpane/polyfills'; // first, as in the task pane: the older webviews lack some built-ins

declare const Office: { onReady(): Promise<unknown>; actions?: { associate(id: string, f: (e: unknown) => void): void } } | undefined;

if (typeof Office !== 'undefined') {
  void Office.onReady();
}

export {};
