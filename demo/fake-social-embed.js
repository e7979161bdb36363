// A FAKE of X's (Twitter's) widgets.js for embedded posts, for the demo and the tests: it loads
// nothing from elsewhere and sets no cookie. It models, from X's documentation of embedded posts
// (the embed code is a `<blockquote class="twitter-tweet">` with the post's text and a link to the
// post, followed by `<script async src="https://platform.twitter.com/widgets.js">`), only what a
// placeholder for a script embed relies on; no line of X's code is in it:
// - When it runs it finds every `blockquote.twitter-tweet` on the page and replaces it with an
//   iframe that shows the post (the blockquote's own text is what shows without the script).
// - `twttr.widgets.load()` does the same again for posts added later.
// Not modelled: the options (`data-theme`, `data-conversation`…), the iframe's resizing, events,
// and the requests and cookies of the real script. It counts its loads in `window.fakeSocialEmbedLoads`.
(() => {
  window.fakeSocialEmbedLoads = (window.fakeSocialEmbedLoads ?? 0) + 1;
  const load = () => {
    for (const quote of document.querySelectorAll('blockquote.twitter-tweet')) {
      const post = document.createElement('iframe');
      post.className = 'fake-post';
      post.title = 'Nepbericht op X';
      const text = (quote.querySelector('p')?.textContent ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
      post.srcdoc = `<p style="font-family: sans-serif">Nepbericht: ${text}</p>`;
      post.style.cssText = 'display: block; width: 100%; max-width: 550px; height: 12rem; border: 1px solid #cfd9de;';
      quote.replaceWith(post);
    }
  };
  window.twttr = { ...window.twttr, widgets: { load } };
  load();
})();
