/* global document, window, fetch, DOMParser */
// Keeps a console region up to date while something runs (a catalogue scan): every 2 s it asks the
// server for the same page and swaps in the region's new rendering, until the server renders it
// without data-live. Without JavaScript the page's "Refresh" link does the same by hand.
(function () {
  'use strict';
  var region = document.querySelector('[data-live]');
  if (!region || !window.fetch || !window.DOMParser) return;
  var id = region.id;
  function tick() {
    fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (res) { return res.ok ? res.text() : Promise.reject(res.status); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById(id);
        var current = document.getElementById(id);
        if (!next || !current) return;
        // The children are swapped, not the region itself, so its aria-live announcements carry on.
        current.replaceChildren.apply(current, Array.prototype.map.call(next.childNodes, function (n) { return document.importNode(n, true); }));
        if (next.hasAttribute('data-live')) window.setTimeout(tick, 2000);
        else current.removeAttribute('data-live');
      })
      .catch(function () { window.setTimeout(tick, 5000); });
  }
  window.setTimeout(tick, 2000);
})();
