import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseNarrative, vocabularyFromModel, type Statement } from '../../../../src/core/narrative/parse';
import { seedModel } from '../../figures/seed-model';

const SEED_TEXT = fs.readFileSync(path.join(__dirname, '../../../fixtures/narratives/seed-2021.txt'), 'utf8');
const vocab = () => vocabularyFromModel(seedModel());

function brief(s: Statement) {
  return { kind: s.kind, value: s.value, subject: s.subject, measure: s.measure, quote: s.quote };
}

describe('narrative parse: sections', () => {
  it('nests 一、 （一） 1、 （1） headings and names them', () => {
    const p = parseNarrative('一、收入决算情况说明\n正文。\n二、三公经费\n（一）总体\n1、因公出国（境）费\n正文。\n（二）具体\n（1）小节\n正文。\n三、政府采购\n正文。');
    assert.deepEqual(
      p.sections.map((s) => [s.id, s.name, s.level, s.topic]),
      [
        ['', '', 0, 'other'],
        ['一', '一', 1, 'income'],
        ['二', '二', 1, 'threePublic'],
        ['二.一', '二（一）', 2, 'threePublic'],
        ['二.一.1', '二（一）1', 3, 'threePublic'],
        ['二.二', '二（二）', 2, 'threePublic'],
        ['二.二.1', '二（二）（1）', 3, 'threePublic'],
        ['三', '三', 1, 'procurement'],
      ],
    );
  });

  it('accepts 1. and full-width （一）, and a 项 chain heading names the 项 for the paragraph under it', () => {
    const p = parseNarrative(
      '五、一般公共预算财政拨款支出决算情况说明\n（三）具体情况\n1. 一般公共服务（类）政府办公厅（室）及相关机构事务（款）行政运行（项）。\n年初预算为328.99万元，支出决算为335.54万元，完成年初预算的101.99%。',
      vocab(),
    );
    const item = p.sections.find((s) => s.id === '五.三.1')!;
    assert.equal(item.subject, 'gpb.item.2010301');
    assert.deepEqual(
      p.statements.map((s) => [s.kind, s.subject, s.measure, s.value]),
      [
        ['amount', 'gpb.item.2010301', 'budget', 328.99],
        ['amount', 'gpb.item.2010301', 'actual', 335.54],
        ['completion', 'gpb.item.2010301', 'actual', 101.99],
      ],
    );
  });
});

describe('narrative parse: run-on sub-headings (text from PDF)', () => {
  it('splits the heading from its first sentence, so the sentence keeps its own subject', () => {
    const p = parseNarrative(
      '五、一般公共预算财政拨款支出决算情况说明\n（一）一般公共预算财政拨款支出决算总体情况一般公共预算财政拨款支出1406.53万元，占本年支出合计的95.42%。\n（二）一般公共预算财政拨款支出决算结构情况一般公共服务（类）支出1406.53万元，占100%。',
      vocab(),
    );
    assert.deepEqual(
      p.sections.slice(2).map((s) => s.title),
      ['一般公共预算财政拨款支出决算总体情况', '一般公共预算财政拨款支出决算结构情况'],
    );
    assert.deepEqual(
      p.statements.filter((s) => s.kind === 'amount').map((s) => [s.quote, s.subject]),
      [
        ['1406.53万元', 'gpb.total'],
        ['1406.53万元', 'gpb.class.201'],
      ],
    );
  });
});

describe('narrative parse: statements', () => {
  it('reads amounts with their subject, shares with their anchor and denominator', () => {
    const p = parseNarrative('二、收入决算情况说明\n本年收入合计1474.07万元，其中：财政拨款收入1406.53万元，占95.42%；其他收入67.54万元，占4.58%。');
    assert.deepEqual(p.statements.map(brief), [
      { kind: 'amount', value: 1474.07, subject: 'income.total', measure: 'actual', quote: '1474.07万元' },
      { kind: 'amount', value: 1406.53, subject: 'income.fiscal', measure: 'actual', quote: '1406.53万元' },
      { kind: 'share', value: 95.42, subject: 'income.fiscal', measure: 'actual', quote: '95.42%' },
      { kind: 'amount', value: 67.54, subject: 'income.other', measure: 'actual', quote: '67.54万元' },
      { kind: 'share', value: 4.58, subject: 'income.other', measure: 'actual', quote: '4.58%' },
    ]);
    assert.equal(p.statements[2].anchor, 1);
    assert.deepEqual(p.statements[2].denominator, { text: '', subject: undefined });
  });

  it('converts 元 to 万元 and reads full-width digits, separators and units', () => {
    const p = parseNarrative('本年收入合计１４，７４０，７００元。本年支出合计1,474.07万元。');
    assert.deepEqual(
      p.statements.map((s) => [s.subject, s.value, s.quote]),
      [
        ['income.total', 1474.07, '１４，７４０，７００元'],
        ['expenditure.total', 1474.07, '1,474.07万元'],
      ],
    );
    const p2 = parseNarrative('本年收入合计14740700元。');
    assert.equal(p2.statements[0].value, 1474.07);
  });

  it('resolves a denominator after 占…的 and a share written with the denominator amount', () => {
    const p = parseNarrative(
      '六、基本支出决算情况说明\n人员经费278.84万元，占基本支出的83.10%。\n五、一般公共预算财政拨款支出决算情况说明\n财政拨款支出1406.53万元，占本年支出合计1474.07万元的95.42%，与上年相比，减少121.91万元。',
    );
    const share = p.statements.find((s) => s.quote === '83.10%')!;
    assert.deepEqual([share.kind, share.subject, share.denominator], ['share', 'basic.personnel', { text: '基本支出', subject: 'basic.total' }]);
    const den = p.statements.find((s) => s.value === 1474.07)!;
    assert.equal(den.role, 'denominator');
    const share2 = p.statements.find((s) => s.quote === '95.42%')!;
    assert.deepEqual([share2.kind, share2.subject, share2.denominator?.subject], ['share', 'gpb.total', 'expenditure.total']);
    const change = p.statements.find((s) => s.kind === 'change')!;
    assert.deepEqual([change.subject, change.value, change.word], ['gpb.total', -121.91, '减少']);
  });

  it('carries the subject within a sentence ("其中：公务用车购置费0万元") and counts by their words', () => {
    const p = parseNarrative(
      '七、三公经费\n3、公务用车购置费及运行维护费支出决算为0万元，其中：公务用车购置费0万元，更新公务用车0辆。公务用车运行维护费92.51万元，公务用车保有量为35辆。全年共接待来访团组0个、来宾0人次。',
    );
    assert.deepEqual(
      p.statements.map((s) => [s.kind, s.subject, s.value]),
      [
        ['amount', 'threePublic.car', 0],
        ['amount', 'threePublic.carPurchase', 0],
        ['count', 'threePublic.car.purchased', 0],
        ['amount', 'threePublic.carOperation', 92.51],
        ['count', 'threePublic.car.fleet', 35],
        ['count', 'threePublic.reception.batches', 0],
        ['count', 'threePublic.reception.persons', 0],
      ],
    );
  });

  it('marks numbers inside a 原因 clause and skips years, dates and 50万元以上', () => {
    const p = parseNarrative('决算数大于年初预算数的主要原因是：年中调增预算6.55万元。截至2021年12月31日，单位价值50万元以上通用设备0台（套）。');
    assert.deepEqual(
      p.statements.map((s) => [s.kind, s.inReason, s.quote]),
      [
        ['comparison', false, '大于'],
        ['amount', true, '6.55万元'],
        ['count', false, '0台（套）'],
      ],
    );
    assert.equal(p.statements[2].subject, 'assets.generalEquipment');
  });

  it('reads change words, their leftovers and comparison words', () => {
    const p = parseNarrative('七、三公\n因公出国（境）费支出预算为0万元，支出决算为0万元，决算数等于预算数，与上年相比增加0万元，减少（增长）0%。');
    const change = p.statements.find((s) => s.kind === 'change')!;
    assert.deepEqual([change.word, change.direction, change.value], ['增加', 1, 0]);
    const rate = p.statements.find((s) => s.kind === 'changeRate')!;
    assert.deepEqual([rate.word, rate.direction, rate.leftover], ['减少', undefined, '减少(增长)']);
    const cmp = p.statements.find((s) => s.kind === 'comparison')!;
    assert.deepEqual([cmp.word, cmp.direction, cmp.subject], ['等于', 0, 'threePublic.abroad']);
    assert.deepEqual(
      p.leftovers.map((l) => l.quote),
      ['减少（增长）'],
    );
  });

  it('finds template leftovers: choices, XX, ××, 〔〕 and empty brackets', () => {
    const p = parseNarrative('决算数大于（小于）预算数，增加（减少）XX万元，××单位，〔 〕号，（ ）。');
    assert.deepEqual(
      p.leftovers.map((l) => l.quote),
      ['大于（小于）', '增加（减少）', 'XX', '××', '〔 〕', '（ ）'],
    );
  });

  it('parses the seed 情况说明: every quote is an exact substring and the key figures are read', () => {
    const p = parseNarrative(SEED_TEXT, vocab());
    for (const s of p.statements) assert.equal(SEED_TEXT.slice(s.start, s.end), s.quote);
    assert.deepEqual(
      p.sections.filter((s) => s.level === 1).map((s) => s.id),
      ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'],
    );
    const find = (section: string, quote: string) => p.statements.filter((s) => s.section.id === section && s.quote === quote);
    assert.equal(find('十', '34.43\n\n万元')[0].kind, 'change');
    assert.equal(find('五.二', '100%')[0].subject, 'gpb.class.201');
    assert.equal(find('五.三.5', '100万元')[0].subject, 'gpb.item.2100410');
    assert.deepEqual(
      find('十三', '1辆').map((s) => s.subject),
      ['assets.vehicles.leader', 'assets.vehicles.confidential', 'assets.vehicles.enforcement', 'assets.vehicles.special'],
    );
    assert.deepEqual(
      find('十四.1', '1138.53 万元').map((s) => s.subject),
      ['expenditure.project'],
    );
  });

  it('knows other ways to name totals (收入总计, 总支出, 本年收入 in 二)', () => {
    const p = parseNarrative(
      '一、总体情况\n2021年度收入总计1474.07万元，支出总计1474.07万元。\n二、收入决算情况说明\n本年收入1474.07万元。\n三、支出决算情况说明\n基本支出335.54万元，占总支出的22.76%。\n四、财政拨款收入支出决算总体情况说明\n财政拨款收入总计1406.53万元。',
    );
    assert.deepEqual(
      p.statements.map((s) => [s.kind, s.subject, s.denominator?.subject]),
      [
        ['amount', 'summary.total', undefined],
        ['amount', 'summary.total', undefined],
        ['amount', 'income.total', undefined],
        ['amount', 'expenditure.basic', undefined],
        ['share', 'expenditure.basic', 'expenditure.total'],
        ['amount', 'fiscal.total', undefined],
      ],
    );
  });
});
