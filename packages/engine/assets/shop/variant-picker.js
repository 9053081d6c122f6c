/* global document */
// Variant picker enhancement (the page works without it): the list of variant radios becomes one
// select per option axis (colour, size…). A value that, with the other choices, makes no sellable
// variant is disabled; the matching radio is checked, so the form posts the same variantId it would
// without JavaScript, and the price and stock line follow the choice.
(function () {
  'use strict';
  var picker = document.querySelector('[data-variant-picker]');
  if (!picker) return;
  var axes = JSON.parse(picker.getAttribute('data-axes') || '[]');
  var radios = Array.prototype.slice.call(picker.querySelectorAll('input[name="variantId"]'));
  if (axes.length === 0 || radios.length < 2) return;
  var form = picker.closest('form');
  var button = form && form.querySelector('button[type="submit"]');
  var priceEl = document.querySelector('[data-variant-price]');
  var stockEl = document.querySelector('[data-variant-stock]');
  var variants = radios.map(function (radio) {
    var label = picker.querySelector('label[for="' + radio.id + '"] .variant-meta');
    return { radio: radio, options: JSON.parse(radio.getAttribute('data-options') || '[]'), available: !radio.disabled, price: radio.getAttribute('data-price'), stock: radio.getAttribute('data-stock'), label: label };
  });

  function find(values) {
    for (var i = 0; i < variants.length; i++) {
      var v = variants[i];
      if (v.options.every(function (o, j) { return o === values[j]; })) return v;
    }
    return null;
  }

  var wrap = document.createElement('div');
  wrap.className = 'variant-axes';
  var selects = axes.map(function (axis, i) {
    var field = document.createElement('div');
    field.className = 'field';
    var label = document.createElement('label');
    label.textContent = axis;
    label.htmlFor = 'axis-' + i;
    var select = document.createElement('select');
    select.id = 'axis-' + i;
    var seen = [];
    variants.forEach(function (v) {
      var value = v.options[i];
      if (seen.indexOf(value) !== -1) return;
      seen.push(value);
      var option = document.createElement('option');
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
    field.appendChild(label);
    field.appendChild(select);
    wrap.appendChild(field);
    return select;
  });
  var message = document.createElement('p');
  message.className = 'stock stock-out';
  message.setAttribute('role', 'status');

  function refresh() {
    var current = selects.map(function (s) { return s.value; });
    selects.forEach(function (select, i) {
      Array.prototype.forEach.call(select.options, function (option) {
        var combo = current.slice();
        combo[i] = option.value;
        var v = find(combo);
        option.disabled = !v || !v.available;
      });
    });
    var chosen = find(current);
    var ok = !!(chosen && chosen.available);
    radios.forEach(function (r) { r.checked = ok && r === chosen.radio; });
    if (button) button.disabled = !ok;
    message.textContent = ok ? '' : picker.getAttribute('data-unavailable');
    if (ok && priceEl) priceEl.textContent = chosen.price;
    if (ok && stockEl) {
      var meta = chosen.label ? chosen.label.textContent.split(' · ')[1] : '';
      stockEl.className = 'stock stock-' + chosen.stock;
      stockEl.textContent = meta || picker.getAttribute('data-in-stock');
    }
  }

  // Start from the radio the server checked (the first sellable variant).
  var initial = variants.filter(function (v) { return v.radio.checked; })[0] || variants.filter(function (v) { return v.available; })[0];
  if (initial) selects.forEach(function (s, i) { s.value = initial.options[i]; });
  selects.forEach(function (s) { s.addEventListener('change', refresh); });
  picker.querySelector('.variant-list').hidden = true;
  picker.appendChild(wrap);
  picker.appendChild(message);
  refresh();
})();
