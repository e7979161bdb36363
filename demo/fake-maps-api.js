// A FAKE of the Google Maps JavaScript API, for the demo and the tests: it loads nothing from
// elsewhere, sets no cookie and draws no real map. It models, from Google's documentation of the
// API ("Load the Maps JavaScript API": the direct script loading tag; the "Simple map" example),
// only what a placeholder for a script embed relies on; no line of Google's code is in it:
// - It is loaded by a `<script>` whose `src` carries a `callback` parameter; once it has loaded it
//   calls the page's global function of that name, with no arguments.
// - `new google.maps.Map(mapDiv, { center, zoom })` draws the map INTO `mapDiv`, an element of the
//   page that the page has given a size; it keeps what else is in that element. A `mapDiv` that is
//   no element is an error.
// Not modelled: the API key, `libraries`, the dynamic library import (`importLibrary`), markers,
// events, tiles and the requests and cookies of the real API. It counts its loads in
// `window.fakeMapsApiLoads` (the real API warns when a page loads it twice), so that tests see
// "exactly once".
(() => {
  window.fakeMapsApiLoads = (window.fakeMapsApiLoads ?? 0) + 1;
  const callback = new URL(document.currentScript.src).searchParams.get('callback');
  class Map {
    constructor(mapDiv, { center = { lat: 0, lng: 0 } } = {}) {
      if (!(mapDiv instanceof Element)) throw new TypeError(`fake Map: mapDiv must be an element; got ${mapDiv}.`);
      const map = document.createElement('div');
      map.className = 'fake-map';
      map.setAttribute('role', 'img');
      map.setAttribute('aria-label', `Nepkaart rond ${center.lat}, ${center.lng}`);
      map.style.cssText = 'width: 100%; height: 100%; background: repeating-linear-gradient(45deg, #dfe9d8 0 1rem, #cfdcc6 1rem 2rem);';
      mapDiv.append(map);
    }
  }
  window.google = { ...window.google, maps: { ...window.google?.maps, Map } };
  if (callback) window[callback]();
})();
