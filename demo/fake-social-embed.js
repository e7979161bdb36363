// A FAKE of X's (Twitter's) widgets.js for embedded posts, for the demo and the tests: it loads
// nothing from elsewhere and sets no cookie. It models, from X's documentation of embedded posts
// (the embed code is a `<blockquote class="twitter-tweet">` with the post's text and a link to the
// post, followed by `<script async src="https://platform.twitter.com/widgets.js">`), only what a
// placeholder for a script embed relies on; no line of X's code is in it:
// - When it runs it finds every `blockquote.twitter-tweet` on the page and replaces it with the
//   post as X renders it (the blockquote's own text is what shows without the script). The real
//   script puts an iframe from platform.twitter.com there; the fake an element of the page
//   (`.fake-post`), so that it requests nothing and needs no Trusted Types policy.
// - `twttr.widgets.load()` does the same again for posts added later.
// Not modelled: the options (`data-theme`, `data-conversation`…), the iframe's resizing, events,
// and the requests and cookies of the real script. It counts its loads in `window.fakeSocialEmbedLoads`.
(() => {
  window.fakeSocialEmbedLoads = (window.fakeSocialEmbedLoads ?? 0) + 1;
  const load = () => {
    for (const quote of document.querySelectorAll('blockquote.twitter-tweet')) {
      const post = document.createElement('div');
      post.className = 'fake-post';
      post.textContent = `Nepbericht van X: ${quote.querySelector('p')?.textContent ?? ''}`;
      post.style.cssText = 'max-width: 550px; min-height: 8rem; padding: 1rem; border: 1px solid #cfd9de; border-radius: 12px;';
      quote.replaceWith(post);
    }
  };
  window.twttr = { ...window.twttr, widgets: { load } };
  load();
})();
