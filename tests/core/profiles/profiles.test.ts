import { strict as assert } from 'node:assert';
import classes from '../../../src/core/catalog/functional-classes-2021.json';
import { loadProfile, profileIds, sheetNameOf, validateProfile, type Profile } from '../../../src/core/profiles';

describe('profiles as data', () => {
  it('ships 2021 and 2023, and refuses an unknown id in Chinese', () => {
    assert.deepEqual(profileIds().sort(), ['2021', '2023']);
    assert.throws(() => loadProfile('1999'), /未知的报表格式“1999”/);
  });

  it('2021 holds the nine tables in the seed order with the seed titles', () => {
    const p = loadProfile('2021');
    assert.deepEqual(
      p.tables.map((t) => `${t.number} ${t.title}`),
      [
        '01 收入支出决算总表',
        '02 收入决算表',
        '03 支出决算表',
        '04 财政拨款收入支出决算总表',
        '05 一般公共预算财政拨款支出决算表',
        '06 一般公共预算财政拨款基本支出决算明细表',
        '07 一般公共预算财政拨款“三公”经费支出决算表',
        '08 政府性基金预算财政拨款收入支出决算表',
        '09 国有资本经营预算财政拨款支出决算表',
      ],
    );
    assert.equal(sheetNameOf(p.tables[0]), '公开01表');
  });

  it('2021 01 numbers its rows as the seed (行次 1–31 ‖ 32–62)', () => {
    const t = loadProfile('2021').tables.find((x) => x.key === 'summary')!;
    assert.equal(t.layout, 'twoSided');
    if (t.layout !== 'twoSided') return;
    assert.equal(t.rows.length, 31);
    const byNo = new Map(t.rows.flatMap((r) => [r.income, r.expense]).map((l) => [l?.no, l]));
    assert.equal(byNo.get(1)?.label, '一、一般公共预算财政拨款收入');
    assert.equal(byNo.get(8)?.label, '八、其他收入');
    assert.equal(byNo.get(9)?.label, undefined);
    assert.equal(byNo.get(27)?.id, 'inc.total');
    assert.equal(byNo.get(28)?.label, '使用非财政拨款结余');
    assert.equal(byNo.get(29)?.label, '年初结转和结余');
    assert.equal(byNo.get(30)?.id, undefined);
    assert.equal(byNo.get(31)?.id, 'inc.grandTotal');
    assert.equal(byNo.get(32)?.label, '一、一般公共服务支出');
    assert.equal(byNo.get(54)?.label, '二十三、其他支出');
    assert.equal(byNo.get(57)?.label, '二十六、抗疫特别国债安排的支出');
    assert.equal(byNo.get(58)?.id, 'exp.total');
    assert.equal(byNo.get(59)?.label, '结余分配');
    assert.equal(byNo.get(60)?.id, 'exp.closing');
    assert.equal(byNo.get(61)?.label, undefined);
    assert.equal(byNo.get(62)?.id, 'exp.grandTotal');
    const expenseClasses = t.rows.map((r) => r.expense?.id).filter((id) => id && /^\d{3}$/.test(id));
    assert.deepEqual(
      expenseClasses,
      classes.map((c) => c.code),
    );
  });

  it('2021 04 numbers 1–32 ‖ 33–64 with the opening split by fund and the closing by column', () => {
    const t = loadProfile('2021').tables.find((x) => x.key === 'fiscalSummary')!;
    if (t.layout !== 'twoSided') return assert.fail('twoSided');
    const byNo = new Map(t.rows.flatMap((r) => [r.income, r.expense]).map((l) => [l?.no, l]));
    assert.equal(byNo.get(3)?.label, '三、国有资本经营预算财政拨款');
    assert.equal(byNo.get(27)?.id, 'inc.total');
    assert.equal(byNo.get(28)?.label, '年初财政拨款结转和结余');
    assert.deepEqual(
      [29, 30, 31].map((n) => byNo.get(n)?.id),
      ['inc.opening.gpb', 'inc.opening.govFund', 'inc.opening.stateCapital'],
    );
    assert.equal(byNo.get(32)?.id, 'inc.grandTotal');
    assert.equal(byNo.get(33)?.id, '201');
    assert.equal(byNo.get(58)?.id, '234');
    assert.equal(byNo.get(59)?.id, 'exp.total');
    assert.equal(byNo.get(60)?.id, 'exp.closing');
    assert.deepEqual(
      [61, 62, 63].map((n) => byNo.get(n)?.id),
      [undefined, undefined, undefined],
    );
    assert.equal(byNo.get(64)?.id, 'exp.grandTotal');
    assert.deepEqual(Object.keys(t.expense.columns), ['total', 'gpb', 'govFund', 'stateCapital']);
  });

  it('2021 06 has the seed three groups; 2023 06 two groups without 30306', () => {
    const g21 = loadProfile('2021').tables.find((x) => x.key === 'gpbBasic')!;
    const g23 = loadProfile('2023').tables.find((x) => x.key === 'gpbBasic')!;
    if (g21.layout !== 'economic' || g23.layout !== 'economic') return assert.fail('economic');
    assert.deepEqual(
      g21.groups.map((g) => g.items.filter((i) => i.code.length === 3).map((i) => i.code)),
      [['301', '303'], ['302'], ['307', '310', '399']],
    );
    assert.deepEqual(
      g21.groups.map((g) => g.items.length),
      [27, 28, 25],
    );
    assert.equal(g21.groups[2].items[3].name, '资本性支出');
    assert.deepEqual(
      g23.groups.map((g) => g.items.filter((i) => i.code.length === 3).map((i) => i.code)),
      [
        ['301', '303'],
        ['302', '310'],
      ],
    );
    assert.ok(!g23.groups[0].items.some((i) => i.code === '30306'));
    assert.deepEqual(
      g23.groups[1].items.filter((i) => i.code.startsWith('310')).map((i) => i.code),
      ['310', '31001', '31002', '31003', '31007', '31013', '31019', '31021', '31022', '31099'],
    );
  });

  it('2023: order 07 政府性基金, 08 国有资本经营, 09 三公; no 行次; split codes under 功能分类科目编码', () => {
    const p = loadProfile('2023');
    assert.deepEqual(p.tables.map((t) => `${t.number}:${t.key}`).slice(6), ['07:govFund', '08:stateCapital', '09:threePublic']);
    const t01 = p.tables[0];
    if (t01.layout !== 'twoSided') return assert.fail('twoSided');
    assert.equal(t01.income.lineNoColumn, undefined);
    assert.deepEqual(t01.header.rows[1], ['项目', '决算数', '项目', '决算数']);
    const t03 = p.tables[2];
    if (t03.layout !== 'classified') return assert.fail('classified');
    assert.deepEqual(t03.codeColumns, [0, 1, 2]);
    assert.equal(t03.header.rows[1][0], '功能分类科目编码');
    assert.deepEqual(t03.header.rows[2].slice(0, 3), ['类', '款', '项']);
    assert.equal(p.tables[8].title, '财政拨款“三公”经费支出决算表');
  });

  it('validation catches a ragged header row and a column outside the table', () => {
    const p = JSON.parse(JSON.stringify(loadProfile('2021'))) as Profile;
    p.tables[1].header.rows[0].pop();
    assert.throws(() => validateProfile(p), /income 表头第1行应有9列/);
    const q = JSON.parse(JSON.stringify(loadProfile('2021'))) as Profile;
    const t = q.tables[2];
    if (t.layout === 'classified') t.columns.total = 20;
    assert.throws(() => validateProfile(q), /列号20超出表宽8/);
  });

  it('a profile can drop tables: a data change only', () => {
    const p = JSON.parse(JSON.stringify(loadProfile('2021'))) as Profile;
    p.tables = p.tables.filter((t) => t.key !== 'stateCapital');
    validateProfile(p);
    assert.equal(p.tables.length, 8);
  });
});
