import { vnptTokenStoreKey } from '../../../datasources/vnpt-econtract/token-store-key';

describe('vnptTokenStoreKey', () => {
  it('is a fixed, namespaced key per endpoint and account that replicas of any version share', () => {
    expect(vnptTokenStoreKey('https://econtract.vnpt.vn', 'integration', '164')).toBe(
      'vnpt-econtract:token:a088493089830439419f217808c81242',
    );
  });

  it('ignores trailing slashes and surrounding spaces of the endpoint', () => {
    const key = vnptTokenStoreKey('https://econtract.vnpt.vn', 'integration', '164');
    expect(vnptTokenStoreKey(' https://econtract.vnpt.vn/ ', 'integration', '164')).toBe(key);
    expect(vnptTokenStoreKey('https://econtract.vnpt.vn///', 'integration', '164')).toBe(key);
  });

  it('differs when the endpoint path, the username or the company differs', () => {
    const keys = [
      vnptTokenStoreKey('https://econtract.vnpt.vn', 'integration', '164'),
      vnptTokenStoreKey('https://econtract.vnpt.vn/api', 'integration', '164'),
      vnptTokenStoreKey('https://econtract.vnpt.vn', 'colleague', '164'),
      vnptTokenStoreKey('https://econtract.vnpt.vn', 'integration', '165'),
      // The separator keeps "ab" + "c" apart from "a" + "bc".
      vnptTokenStoreKey('https://econtract.vnpt.vn', 'integration1', '64'),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('never shows the username (personal data) in the key', () => {
    expect(vnptTokenStoreKey('https://econtract.vnpt.vn', 'trinhttv', '164')).not.toContain('trinhttv');
  });
});
