import { modelTable, modelWorkbook } from '../../../../src/core/model/build';
import type { TableKey, TableModel, WorkbookModel } from '../../../../src/core/model/tables';

/**
 * A small consistent workbook: one 项 per class, everything 一般公共预算 money, for
 * draft tests with chosen numbers. Amounts in 万元.
 */
export interface SmallSpec {
  /** 项 code → [name, basic, project]; classes and sections are summed from them. */
  items: Record<string, [string, number, number]>;
  /** 06 amounts: personnel 款 and public 款 by code. */
  personnel?: Record<string, [string, number]>;
  public?: Record<string, [string, number]>;
  /** 07: [budget, actual] for abroad, carPurchase, carOperation, reception. */
  threePublic?: { abroad: [number, number]; carPurchase: [number, number]; carOperation: [number, number]; reception: [number, number] };
  govFund?: { opening: number; income: number; basic: number; project: number; closing: number };
  stateCapital?: { basic: number; project: number };
  omit?: TableKey[];
}

const SECTION_NAMES: Record<string, string> = {
  '20103': '政府办公厅（室）及相关机构事务',
  '20502': '普通教育',
  '20805': '行政事业单位养老支出',
  '21004': '公共卫生',
  '21201': '城乡社区管理事务',
};

const r2 = (x: number) => Math.round(x * 100) / 100;

export function smallModel(spec: SmallSpec): WorkbookModel {
  const codes = Object.keys(spec.items).sort();
  const sum = (pick: (c: string) => boolean, i: 1 | 2) => r2(codes.filter(pick).reduce((s, c) => s + spec.items[c][i], 0));
  const basic = sum(() => true, 1);
  const project = sum(() => true, 2);
  const total = r2(basic + project);
  const classes = [...new Set(codes.map((c) => c.slice(0, 3)))];
  const sections = [...new Set(codes.map((c) => c.slice(0, 5)))];
  const classNames: Record<string, string> = { '201': '一般公共服务支出', '205': '教育支出', '208': '社会保障和就业支出', '210': '卫生健康支出', '212': '城乡社区支出' };
  const lines: Array<{ id: string; label: string; values: Record<string, number | null> }> = [{ id: 'total', label: '合计', values: { total, basic, project } }];
  for (const k of classes) {
    const b = sum((c) => c.startsWith(k), 1);
    const p = sum((c) => c.startsWith(k), 2);
    lines.push({ id: k, label: classNames[k] ?? `${k}类支出`, values: { total: r2(b + p), basic: b, project: p } });
    for (const s of sections.filter((x) => x.startsWith(k))) {
      const sb = sum((c) => c.startsWith(s), 1);
      const sp = sum((c) => c.startsWith(s), 2);
      lines.push({ id: s, label: SECTION_NAMES[s] ?? `款${s}`, values: { total: r2(sb + sp), basic: sb, project: sp } });
      for (const c of codes.filter((x) => x.startsWith(s))) {
        const [name, ib, ip] = spec.items[c];
        lines.push({ id: c, label: name, values: { total: r2(ib + ip), basic: ib, project: ip } });
      }
    }
  }
  const tables: TableModel[] = [];
  const omit = new Set(spec.omit ?? []);
  const add = (k: TableKey, t: () => ReturnType<typeof modelTable>) => {
    if (!omit.has(k)) tables.push(t());
  };
  add('summary', () =>
    modelTable('summary', [
      ['inc.gpb', { amount: total }],
      ['inc.total', { amount: total }],
      ['inc.grandTotal', { amount: total }],
      ['exp.total', { amount: total }],
      ['exp.grandTotal', { amount: total }],
    ]),
  );
  add('income', () =>
    modelTable(
      'income',
      lines.map((l) => ({
        id: l.id,
        label: l.label,
        values: { total: l.values.total, fiscal: l.values.total, superior: null, business: null, operating: null, affiliated: null, other: null },
      })),
    ),
  );
  add('expenditure', () =>
    modelTable(
      'expenditure',
      lines.map((l) => ({ id: l.id, label: l.label, values: { ...l.values, toSuperior: null, operating: null, toAffiliated: null } })),
    ),
  );
  add('fiscalSummary', () =>
    modelTable('fiscalSummary', [
      ['inc.gpb', { amount: total }],
      ['inc.total', { amount: total }],
      ['inc.grandTotal', { amount: total }],
    ]),
  );
  add('gpbExpenditure', () => modelTable('gpbExpenditure', lines));
  add('gpbBasic', () => {
    const pers = Object.entries(spec.personnel ?? {});
    const pub = Object.entries(spec.public ?? {});
    const pt = r2(pers.reduce((s, [, [, v]]) => s + v, 0));
    const ut = r2(pub.reduce((s, [, [, v]]) => s + v, 0));
    return modelTable('gpbBasic', [
      ...pers.map(([code, [label, v]]) => ({ id: code, code, label, values: { amount: v } })),
      ...pub.map(([code, [label, v]]) => ({ id: code, code, label, values: { amount: v } })),
      { id: 'personnelTotal', label: '人员经费合计', values: { amount: pt } },
      { id: 'publicTotal', label: '公用经费合计', values: { amount: ut } },
    ]);
  });
  add('threePublic', () => {
    const t = spec.threePublic ?? { abroad: [0, 0], carPurchase: [0, 0], carOperation: [0, 0], reception: [0, 0] };
    const row = (i: 0 | 1) => {
      const car = r2(t.carPurchase[i] + t.carOperation[i]);
      return {
        total: r2(t.abroad[i] + car + t.reception[i]),
        abroad: t.abroad[i],
        carTotal: car,
        carPurchase: t.carPurchase[i],
        carOperation: t.carOperation[i],
        reception: t.reception[i],
      };
    };
    return modelTable('threePublic', [
      ['budget', row(0)],
      ['actual', row(1)],
    ]);
  });
  add('govFund', () => {
    const g = spec.govFund;
    return modelTable('govFund', [
      [
        'total',
        g
          ? { opening: g.opening, income: g.income, total: r2(g.basic + g.project), basic: g.basic, project: g.project, closing: g.closing }
          : { opening: null, income: null, total: null, basic: null, project: null, closing: null },
      ],
    ]);
  });
  add('stateCapital', () => {
    const s = spec.stateCapital;
    return modelTable('stateCapital', [
      ['total', s ? { total: r2(s.basic + s.project), basic: s.basic, project: s.project } : { total: null, basic: null, project: null }],
    ]);
  });
  return modelWorkbook(...tables);
}
