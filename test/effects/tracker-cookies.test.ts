import '../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { ancestorPaths, cookieScopes, parentDomains } from '../../src/decision/cookie-patterns.js';
import { deleteCookies } from '../../src/effects/tracker-cookies.js';
import { clearCookies, cookieNames } from '../helpers.js';

describe('tracker cookie removal (L12)', () => {
  beforeEach(clearCookies);

  it('deletes by exact name and by prefix, and nothing else', () => {
    for (const name of ['_pk_id.1.abc', '_pk_ses.1.abc', '_ga', '_ga_XYZ', '_gid', '_gat_UA', '_gax', 'keep']) {
      document.cookie = `${name}=1; Path=/`;
    }
    deleteCookies(['_pk_id.*', '_pk_ses.*', '_ga', '_ga_*', '_gid', '_gat*'], ['consent_banner']);
    expect(cookieNames().sort()).to.deep.equal(['_gax', 'keep']);
  });

  it('never deletes a cookie it is to spare (the consent cookie; by name or prefix), whatever the patterns', () => {
    for (const name of ['mtm_consent_banner', 'mtm_consent', 'stg_last_interaction', 'stg_x', '_pk_id.1.abc']) document.cookie = `${name}=1; Path=/`;
    deleteCookies(['mtm_consent*', 'stg_last_interaction', 'stg_x', '_pk_id.*'], ['mtm_consent_banner', 'stg_*']);
    expect(cookieNames().sort()).to.deep.equal(['mtm_consent_banner', 'stg_last_interaction', 'stg_x']);
  });

  it('is idempotent and quiet when nothing matches', () => {
    deleteCookies(['_pk_id.*'], ['consent_banner']);
    deleteCookies(['_pk_id.*']);
    expect(cookieNames()).to.deep.equal([]);
  });

  it('tries the host, and every parent domain up to the registrable one', () => {
    expect(parentDomains('www.example.gov.nl')).to.deep.equal(['www.example.gov.nl', 'example.gov.nl', 'gov.nl']);
    expect(parentDomains('example.nl')).to.deep.equal(['example.nl']);
    expect(parentDomains('localhost')).to.deep.equal([]);
    expect(parentDomains('127.0.0.1')).to.deep.equal([]);
  });

  it('tries Path=/ and every ancestor of the page path, with and without the slash', () => {
    expect(ancestorPaths('/')).to.deep.equal(['/']);
    expect(ancestorPaths('/a/b/page.html')).to.deep.equal(['/', '/a', '/a/', '/a/b', '/a/b/', '/a/b/page.html']);
    expect(ancestorPaths('/a/')).to.deep.equal(['/', '/a', '/a/']);
    expect(cookieScopes('www.example.nl', '/a')).to.deep.equal([
      '; Path=/',
      '; Path=/; Domain=www.example.nl',
      '; Path=/; Domain=example.nl',
      '; Path=/a',
      '; Path=/a; Domain=www.example.nl',
      '; Path=/a; Domain=example.nl',
    ]);
  });
});
