// The banner of test/pages/reload-on-withdrawal.html: its attributes come from the page's query
// string (`?reload-on-withdrawal&receipt-url=/test-receipts`); `cookie-page` adds the choices
// inline, as on the site's cookie page.
import '../../src/consent-banner.js';

const query = new URLSearchParams(location.search);
const banner = document.createElement('consent-banner');
banner.lang = 'nl';
banner.setAttribute('privacy-url', '/cookies');
for (const [name, value] of query) if (name !== 'cookie-page') banner.setAttribute(name, value);
document.body.prepend(banner);
if (query.has('cookie-page')) document.querySelector('main')!.append(document.createElement('consent-preferences'));
