// SVG and MathML content patched into the page is what the first document would have made of it:
// elements in their namespace, camel-case attribute names, namespaced attributes, HTML again in a
// foreignObject (fragment.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boot } from './load.mjs';

const ROOT = '<div data-live-view="t" data-lv-id="lv1">';
const SVG = 'http://www.w3.org/2000/svg';
const HTML = 'http://www.w3.org/1999/xhtml';

test('list items inserted into an svg group are svg elements', () => {
  const { document, lv } = boot(`${ROOT}<svg viewBox="0 0 10 10"><g data-list="bars"><rect data-key="a" height="1"></rect></g></svg></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, l: { bars: [
    { op: 'insert', key: 'b', index: 1, html: '<rect data-key="b" height="2"></rect>' },
    { op: 'insert', key: 'c', index: 2, html: '<rect data-key="c" height="3"/>' },
  ] } });
  const rects = Array.from(root.querySelectorAll('rect'));
  assert.deepEqual(rects.map((r) => r.getAttribute('height')), ['1', '2', '3']);
  for (const r of rects) assert.equal(r.namespaceURI, SVG, r.outerHTML);
});

test('a list update inside svg replaces the item with an svg element', () => {
  const { document, lv } = boot(`${ROOT}<svg><g data-list="l"><circle data-key="a" r="1"></circle></g></svg></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, l: { l: [{ op: 'update', key: 'a', html: '<circle data-key="a" r="5"></circle>' }] } });
  const circle = root.querySelector('circle');
  assert.equal(circle.getAttribute('r'), '5');
  assert.equal(circle.namespaceURI, SVG);
});

test('a slot inside svg is morphed with svg children, camel-case names kept', () => {
  const { document, lv } = boot(`${ROOT}<svg><g data-slot="s"><path d="M0 0"></path></g></svg></div>`);
  const root = document.querySelector('[data-live-view]');
  const path = root.querySelector('path');
  lv.applyPatch(root, { v: 1, h: { s: '<path d="M1 1"></path><linearGradient id="g"></linearGradient><circle r="2"/><text>a &lt; b</text>' } });
  const g = root.querySelector('[data-slot=s]');
  assert.equal(root.querySelector('path'), path, 'the path is morphed in place');
  assert.equal(path.getAttribute('d'), 'M1 1');
  assert.deepEqual(Array.from(g.children, (c) => [c.localName, c.namespaceURI]), [
    ['path', SVG], ['linearGradient', SVG], ['circle', SVG], ['text', SVG],
  ]);
  assert.equal(g.querySelector('text').textContent, 'a < b');
});

test('attribute changes on svg elements keep their case and namespace', () => {
  const { document, lv } = boot(`${ROOT}<svg data-slot="icon" viewBox="0 0 1 1"><use data-slot="u"></use></svg></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, a: {
    icon: { viewBox: '0 0 24 24', preserveAspectRatio: 'none' },
    u: { 'xlink:href': '#star' },
  } });
  const svg = root.querySelector('svg');
  assert.equal(svg.getAttribute('viewBox'), '0 0 24 24');
  assert.equal(svg.attributes.length, 3, 'no second, lowercase viewbox');
  assert.equal(svg.getAttribute('preserveAspectRatio'), 'none');
  const use = root.querySelector('use');
  assert.equal(use.getAttributeNS('http://www.w3.org/1999/xlink', 'href'), '#star');
});

test('a morph of svg children sets a new xlink:href in its namespace', () => {
  const { document, lv } = boot(`${ROOT}<svg data-slot="s"><use></use></svg></div>`);
  const root = document.querySelector('[data-live-view]');
  const use = root.querySelector('use');
  lv.applyPatch(root, { v: 1, h: { s: '<use xlink:href="#a"></use>' } });
  assert.equal(root.querySelector('use'), use);
  assert.equal(use.getAttributeNS('http://www.w3.org/1999/xlink', 'href'), '#a');
});

test('html inside a foreignObject slot stays html', () => {
  const { document, lv } = boot(`${ROOT}<svg><foreignObject data-slot="fo"><p>x</p></foreignObject></svg></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, h: { fo: '<div><b>bold</b><input value="v"></div>' } });
  const fo = root.querySelector('[data-slot=fo]');
  assert.equal(fo.firstElementChild.namespaceURI, HTML);
  assert.equal(fo.querySelector('b').namespaceURI, HTML);
  assert.equal(fo.querySelector('input').value, 'v');
});

test('a full-root morph that adds an svg makes svg elements, and markup in its text stays text', () => {
  const { document, lv } = boot(`${ROOT}<p>a</p></div>`);
  const root = document.querySelector('[data-live-view]');
  lv.applyPatch(root, { v: 1, f: '<p>a</p><svg><style>&lt;/style&gt;&lt;img src=x onerror=alert(1)&gt;</style><circle r="1"/></svg>' });
  assert.equal(root.querySelector('img'), null);
  assert.equal(root.querySelector('circle').namespaceURI, SVG);
  assert.equal(root.querySelector('style').namespaceURI, SVG);
});
