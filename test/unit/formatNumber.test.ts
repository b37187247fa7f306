import * as assert from 'node:assert/strict';
import { copyFormats, countryName, displayNumber, formatsOf } from '../../src/numbers/formatNumber';
import type { PhoneNumber } from '../../src/vogent/shapes';

const pstn = (number: string): PhoneNumber => ({ id: 'pn_1', number, type: 'PSTN', agentId: null });

describe('formatNumber', () => {
  it('shows PSTN numbers in international format', () => {
    assert.equal(displayNumber(pstn('+442097210912')), '+44 20 9721 0912');
    assert.equal(displayNumber(pstn('+14155550100')), '+1 415 555 0100');
    assert.deepEqual(formatsOf(pstn('+14155550100')), { e164: '+14155550100', international: '+1 415 555 0100', national: '(415) 555-0100', uri: 'tel:+14155550100', country: 'US' });
  });

  it('passes through what it cannot parse, and every SIP username', () => {
    for (const number of ['+1555', '12345', 'not a number', '+999 1']) assert.equal(displayNumber(pstn(number)), number);
    assert.equal(displayNumber({ id: 's', number: '+14155550100', type: 'SIP_USERNAME', agentId: null }), '+14155550100');
  });

  it('names the country with its flag', () => {
    assert.equal(countryName('US'), 'United States 🇺🇸');
    assert.equal(countryName(undefined), undefined);
  });

  it('offers E.164 exactly as given first, then the other formats, the ID and the JSON', () => {
    const formats = copyFormats({ id: 'pn_9', number: '+14155550100', type: 'PSTN', agentId: 'agent_1' });
    assert.deepEqual(formats.map(([label]) => label), ['E.164', 'International', 'National', 'tel: URI', 'ID', 'JSON']);
    assert.equal(formats[0][1], '+14155550100');
    assert.deepEqual(JSON.parse(formats[5][1]), { id: 'pn_9', number: '+14155550100', type: 'PSTN', agentId: 'agent_1' });
    assert.deepEqual(copyFormats({ id: 's', number: 'desk-1', type: 'SIP_USERNAME', agentId: null }).map(([label]) => label), ['SIP username', 'ID', 'JSON']);
  });
});
