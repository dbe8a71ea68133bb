// The agency picker (templates/fields.html :: agency): search as one types, 20 matches a page, keyboard and
// screen-reader friendly (combobox + listbox, aria-activedescendant). Without this script the typed name is
// resolved on the server (vn.nq57.account.AgencyPicker.Resolver).
(function () {
  'use strict';
  function setup(root) {
    if (root.getAttribute('data-ready')) { return; }
    root.setAttribute('data-ready', '1');
    var input = root.querySelector('.picker-q');
    var list = root.querySelector('.picker-list');
    var picked = root.querySelector('.picked');
    var many = root.getAttribute('data-multiple') === 'true';
    var name = root.getAttribute('data-name');
    var base = root.getAttribute('data-url');
    var timer = null, seq = 0, active = -1, lastQuery = null, next = 0;

    function options() { return Array.prototype.slice.call(list.querySelectorAll('[role="option"]')); }
    function close() {
      list.hidden = true; input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant'); active = -1;
    }
    function highlight(i) {
      var opts = options();
      if (!opts.length) { return; }
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
      input.setAttribute('aria-activedescendant', opts[active].id);
      opts[active].scrollIntoView({ block: 'nearest' });
    }
    function load(q, offset) {
      var mine = ++seq;
      var url = base + (base.indexOf('?') < 0 ? '?' : '&') + 'q=' + encodeURIComponent(q) + '&offset=' + offset;
      fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : { items: [], more: false }; })
        .then(function (data) { if (mine === seq) { list.setAttribute('data-for', q); show(data, offset > 0); } })
        .catch(function () { /* the typed name is still sent with the form */ });
    }
    function show(data, append) {
      var more = list.querySelector('.picker-more');
      if (more) { more.remove(); }
      if (!append) { list.innerHTML = ''; }
      data.items.forEach(function (a) {
        var li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.id = root.querySelector('.picker-q').id + '-o' + a.id;
        li.setAttribute('data-id', a.id);
        li.setAttribute('data-name', a.name);
        li.setAttribute('aria-selected', 'false');
        li.textContent = a.name;
        if (a.hint) {
          var s = document.createElement('small');
          s.textContent = ' ' + a.hint;
          li.appendChild(s);
        }
        list.appendChild(li);
      });
      if (data.more) {
        var m = document.createElement('li');
        m.setAttribute('role', 'option');
        m.className = 'picker-more';
        m.id = input.id + '-more';
        m.textContent = root.getAttribute('data-more');
        next = data.next;
        list.appendChild(m);
      }
      if (!list.children.length) {
        var none = document.createElement('li');
        none.className = 'picker-none';
        none.textContent = root.getAttribute('data-none');
        list.appendChild(none);
      }
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      if (!append) { active = -1; input.removeAttribute('aria-activedescendant'); }
    }
    function choose(li) {
      if (li.classList.contains('picker-more')) { load(lastQuery || '', next); return; }
      var id = li.getAttribute('data-id');
      if (!many) { picked.innerHTML = ''; }
      var existing = picked.querySelector('input[value="' + id + '"]');
      if (!existing) {
        var item = document.createElement('li');
        var label = document.createElement('label');
        var box = document.createElement('input');
        box.type = 'checkbox'; box.name = name; box.value = id; box.checked = true;
        var span = document.createElement('span');
        span.textContent = li.getAttribute('data-name');
        label.appendChild(box); label.appendChild(document.createTextNode(' ')); label.appendChild(span);
        item.appendChild(label);
        picked.appendChild(item);
        existing = box;
      }
      existing.checked = true;
      input.value = '';
      close();
      input.focus();
      existing.dispatchEvent(new Event('change', { bubbles: true }));
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { lastQuery = input.value; load(input.value, 0); }, 180);
    });
    input.addEventListener('focus', function () { if (list.hidden && !input.value) { lastQuery = ''; load('', 0); } });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); if (list.hidden) { load(input.value, 0); } else { highlight(active + 1); } }
      else if (e.key === 'ArrowUp') { e.preventDefault(); highlight(active - 1); }
      else if (e.key === 'Enter') {
        var opts = options();
        if (!list.hidden && opts.length) { e.preventDefault(); choose(opts[active < 0 ? 0 : active]); }
      }
      else if (e.key === 'Escape') { close(); }
    });
    // a change of the typed text must not submit a filter form on its own (htmx listens for "change")
    input.addEventListener('change', function (e) { if (!list.hidden) { e.stopPropagation(); } });
    list.addEventListener('mousedown', function (e) {
      var li = e.target.closest('[role="option"]');
      if (li) { e.preventDefault(); choose(li); }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }
  function all(scope) { (scope || document).querySelectorAll('.agency-picker').forEach(setup); }
  document.addEventListener('DOMContentLoaded', function () { all(); });
  document.addEventListener('htmx:afterSwap', function (e) { all(e.target); });
})();
