import { expect } from '@open-wc/testing';
import { parseHubUrl } from './hub-url.js';

describe('parseHubUrl', () => {
  it('accepts absolute http and https addresses, without a trailing slash', () => {
    expect(parseHubUrl('https://hub.example.org/')).to.deep.equal({ url: 'https://hub.example.org' });
    expect(parseHubUrl(' http://127.0.0.1:8080/api ')).to.deep.equal({ url: 'http://127.0.0.1:8080/api' });
  });

  it('accepts a path on this site, for a Hub that serves the page', () => {
    expect(parseHubUrl('/')).to.deep.equal({ url: location.origin });
    expect(parseHubUrl('./hub')).to.deep.equal({ url: new URL('./hub', document.baseURI).href });
  });

  it('refuses a missing value, naming the attribute', () => {
    for (const value of [undefined, null, '', '   ']) {
      expect(parseHubUrl(value))
        .to.have.property('problem')
        .that.matches(/^hub-url is missing/);
    }
  });

  it('refuses a bare host name and suggests the URL meant', () => {
    expect(parseHubUrl('hub.example.org')).to.deep.equal({
      problem: 'hub-url="hub.example.org" is not a URL. Did you mean hub-url="https://hub.example.org"?',
    });
  });

  it('refuses other schemes and broken URLs', () => {
    expect(parseHubUrl('javascript:alert(1)')).to.have.property('problem').that.includes('must be an https: or http: address');
    expect(parseHubUrl('http://')).to.have.property('problem').that.includes('is not a valid URL');
  });
});
