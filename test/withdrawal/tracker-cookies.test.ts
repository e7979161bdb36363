import '../fail-on-errors.js';
import { expect } from '@open-wc/testing';
import { deleteCookies, parentDomains } from '../../src/withdrawal/tracker-cookies.js';
import { clearCookies, cookieNames } from '../helpers.js';

describe('tracker cookie removal (L12)', () => {
  beforeEach(clearCookies);

  it('deletes by exact name and by prefix, and nothing else', () => {
    for (const name of ['_pk_id.1.abc', '_pk_ses.1.abc', '_ga', '_ga_XYZ', '_gid', '_gat_UA', '_gax', 'keep']) {
      document.cookie = `${name}=1; Path=/`;
    }
    deleteCookies(['_pk_id.*', '_pk_ses.*', '_ga', '_ga_*', '_gid', '_gat*']);
    expect(cookieNames().sort()).to.deep.equal(['_gax', 'keep']);
  });

  it('is idempotent and quiet when nothing matches', () => {
    deleteCookies(['_pk_id.*']);
    deleteCookies(['_pk_id.*']);
    expect(cookieNames()).to.deep.equal([]);
  });

  it('tries the host, and every parent domain up to the registrable one', () => {
    expect(parentDomains('www.example.gov.nl')).to.deep.equal(['www.example.gov.nl', 'example.gov.nl', 'gov.nl']);
    expect(parentDomains('example.nl')).to.deep.equal(['example.nl']);
    expect(parentDomains('localhost')).to.deep.equal([]);
    expect(parentDomains('127.0.0.1')).to.deep.equal([]);
  });
});
