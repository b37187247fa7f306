import * as assert from 'node:assert/strict';
import { NumberIndex } from '../../src/numbers/numberIndex';
import { mentionsIn } from '../../src/numbers/recognise';

function indexWith(...numbers: [string, string][]): NumberIndex {
  const index = new NumberIndex();
  for (const [id, number] of numbers) index.put({ id, number, type: 'PSTN', agentId: null });
  return index;
}

const index = indexWith(['pn_front', '+14155550100'], ['8f2c9a71', '+442097210912']);
const keys = (text: string) => mentionsIn(text, index).map((m) => [text.slice(m.start, m.end), m.kind, m.number?.id]);

describe('recognising numbers in text', () => {
  it('finds E.164 numbers in every separator style, inside strings or not', () => {
    for (const written of ['+14155550100', '+1 415 555 0100', '+1-415-555-0100', '+1 (415) 555-0100', '+1.415.555.0100']) {
      assert.deepEqual(keys(`fromNumber: "${written}",`), [[written, 'number', 'pn_front']], written);
    }
    assert.deepEqual(keys('VOGENT_FROM_NUMBER=+1 415 555 0100\n'), [['+1 415 555 0100', 'number', 'pn_front']]);
    assert.deepEqual(keys('call(+442097210912)'), [['+442097210912', 'number', '8f2c9a71']]);
  });

  it('reports numbers outside the workspace without a match, and skips what is not a number', () => {
    assert.deepEqual(keys('+1 212 698 7091'), [['+1 212 698 7091', 'number', undefined]]);
    assert.deepEqual(keys('x+14155550100'), [], 'glued to a word');
    assert.deepEqual(keys('+141555501009999999'), [], 'too many digits');
    assert.deepEqual(keys('a + 1 = 2; +123'), [], 'arithmetic and short runs');
    assert.deepEqual(keys('const until = Date.now() + 86400000;'), [], 'a sum with a long number');
    assert.deepEqual(keys('99+14155550100'), [], 'inside a longer run of digits');
    assert.deepEqual(keys('released +2024-01-15'), [], 'a date');
  });

  it('finds ids by lookup in the index, not by their shape', () => {
    assert.deepEqual(keys('dial({ numberId: "8f2c9a71" })'), [['8f2c9a71', 'id', '8f2c9a71']]);
    assert.deepEqual(keys('id pn_front and pn_other'), [['pn_front', 'id', 'pn_front']]);
    assert.deepEqual(keys('xpn_front pn_front2'), [], 'part of a longer word');
  });
});
