import { strict as assert } from 'assert';
import {
  collapseSpaces,
  isBlankText,
  isNoteText,
  matchKey,
  parseMoneyUnit,
  parseNumberText,
  parseTableNumber,
  parseUnitName,
  stripOrdinal,
  tidyLabel,
  toHalfWidth,
} from '../../../src/core/text';

describe('text normalisation', () => {
  it('turns full-width ASCII and the ideographic space into half-width', () => {
    assert.equal(toHalfWidth('１２３ＡＢｃ（境）：'), '123ABc(境):');
    assert.equal(toHalfWidth('公\u3000开'), '公 开');
  });

  it('gives equal keys to labels that differ only by spaces, brackets and quotes', () => {
    assert.equal(matchKey('因公出国 (境)费'), matchKey('因公出国（境）费'));
    assert.equal(matchKey('公 开 04 表'), '公开04表');
    assert.equal(matchKey('一般公共预算财政拨款“三公”经费'), matchKey('一般公共预算财政拨款"三公"经费'));
    assert.notEqual(matchKey('基本支出'), matchKey('项目支出'));
  });

  it('tidies labels for display without touching their words', () => {
    assert.equal(tidyLabel('  公务用车购 置费 '), '公务用车购置费');
    assert.equal(tidyLabel('注: 本表反映'), '注: 本表反映');
    assert.equal(collapseSpaces(' a \u3000 b '), 'a b');
  });

  it('strips ordinals', () => {
    assert.equal(stripOrdinal('一、一般公共服务支出'), '一般公共服务支出');
    assert.equal(stripOrdinal('二十六、抗疫特别国债安排的支出'), '抗疫特别国债安排的支出');
    assert.equal(stripOrdinal('（一）财政拨款收入'), '财政拨款收入');
    assert.equal(stripOrdinal('其中：一般公共预算财政拨款'), '一般公共预算财政拨款');
    assert.equal(stripOrdinal('本年收入合计'), '本年收入合计');
  });

  it('parses numbers written as text', () => {
    assert.equal(parseNumberText('1,474.07'), 1474.07);
    assert.equal(parseNumberText('１，４７４．０７'), 1474.07);
    assert.equal(parseNumberText(' 335.54 '), 335.54);
    assert.equal(parseNumberText('-12.5'), -12.5);
    assert.equal(parseNumberText('−12.5'), -12.5);
    assert.equal(parseNumberText('(12.50)'), -12.5);
    assert.equal(parseNumberText('1 474.07'), 1474.07);
    assert.equal(parseNumberText('12,34.5'), undefined);
    assert.equal(parseNumberText('待补'), undefined);
    assert.equal(parseNumberText(''), undefined);
  });

  it('recognises blanks, units, table labels, unit names and notes', () => {
    for (const b of ['', '  ', '-', '—', '--', '－', '/']) assert.ok(isBlankText(b), JSON.stringify(b));
    assert.ok(!isBlankText('0'));
    assert.equal(parseMoneyUnit('金额单位：万元'), '万元');
    assert.equal(parseMoneyUnit('单位: 元'), '元');
    assert.equal(parseMoneyUnit('（单位：万元）'), '万元');
    assert.equal(parseMoneyUnit('2. 本套报表金额单位转换时可能存在尾数误差。'), undefined);
    assert.equal(parseTableNumber('公 开 04 表'), '04');
    assert.equal(parseTableNumber('公开７表'), '07');
    assert.equal(parseTableNumber('收入决算表'), undefined);
    assert.equal(parseUnitName('部门：株洲市石峰区机关事务服务中心'), '株洲市石峰区机关事务服务中心');
    assert.equal(parseUnitName('部门: 株洲市石峰区机关事务服务中心'), '株洲市石峰区机关事务服务中心');
    assert.equal(parseUnitName('单位：万元'), undefined);
    assert.ok(isNoteText('注：本表反映部门本年度各项支出情况。'));
    assert.ok(isNoteText('注: 本表反映'));
    assert.ok(isNoteText('石峰区机关事务服务中心本年度没有国有资本经营预算财政拨款支出，故本表无数据。'));
    assert.ok(!isNoteText('本年收入合计'));
  });
});
