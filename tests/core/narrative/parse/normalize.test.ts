import { strict as assert } from 'assert';
import { normalizeNarrative, originalSpan } from '../../../../src/core/narrative/parse';

describe('narrative parse: normalizeNarrative', () => {
  it('turns full-width digits, ％ and brackets half-width and keeps every offset', () => {
    const src = '本年收入合计１４７４．０７万元，占９５．４２％（公开０２表）';
    const n = normalizeNarrative(src);
    assert.equal(n.text, '本年收入合计1474.07万元，占95.42%(公开02表)');
    const at = n.text.indexOf('95.42%');
    const span = originalSpan(n, at, at + '95.42%'.length);
    assert.equal(src.slice(span.start, span.end), '９５．４２％');
  });

  it('drops thousands separators (ASCII and full-width) but keeps list commas', () => {
    const n = normalizeNarrative('收入1,474.07万元，支出１，４７４．０７万元，团组1,2个');
    assert.equal(n.text, '收入1474.07万元，支出1474.07万元，团组1，2个');
  });

  it('joins a line break inside a number and its unit ("减少34.43\\n\\n万元")', () => {
    const src = '比上年决算数减少34.43\n\n万元，减少37.78%。';
    const n = normalizeNarrative(src);
    assert.equal(n.text, '比上年决算数减少34.43万元，减少37.78%。');
    const from = n.text.indexOf('34.43');
    const span = originalSpan(n, from, from + '34.43万元'.length);
    assert.equal(src.slice(span.start, span.end), '34.43\n\n万元');
  });

  it('keeps headings on their own line and joins a sentence broken across lines', () => {
    const src =
      '一、收入支出决算总体情况说明\n\n2021年度收、支总计1474.07万元。\n绩效目标\n\n得到较好实现。\n5、卫生健康（类）公共卫生（款）突发公共卫生事件应急处理（项）\n\n支出。\n（一）标题\n正文。';
    const n = normalizeNarrative(src);
    assert.deepEqual(n.text.split('\n'), [
      '一、收入支出决算总体情况说明',
      '2021年度收、支总计1474.07万元。',
      '绩效目标得到较好实现。',
      '5、卫生健康(类)公共卫生(款)突发公共卫生事件应急处理(项)支出。',
      '(一)标题',
      '正文。',
    ]);
  });

  it('drops quotation marks and spaces ("“三公”经费", "1474.07 万元")', () => {
    assert.equal(normalizeNarrative('“三公”经费 92.51 万元').text, '三公经费92.51万元');
    assert.equal(normalizeNarrative('"三公"经费').text, '三公经费');
  });

  it('maps the end of the text', () => {
    const n = normalizeNarrative('ａ\r\nｂ');
    assert.equal(n.map[n.text.length], 4);
  });
});
