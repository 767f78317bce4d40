// @ts-check
// fragment.js — where patch HTML is parsed and how attributes are set, so that SVG and MathML
// content patched into the page is what the first document would have made of it.
//
// The HTML parser gives an element the namespace of the context it is parsed in: `<circle/>`
// parsed in a `<template>` is an HTML element (a box the browser does not draw), parsed in an
// SVG `<g>` an SVG circle. Patch HTML for the children of an HTML element is parsed in a
// template (table parts such as a list's `<tr>` stand on their own there); for the children of an
// SVG or MathML element, as the `innerHTML` of a shallow copy of that element — the spec's
// fragment parsing in that context, scripts inert as in a template. `runtime/src/oracle.rs` parses
// the same way.
//
// Attributes: the runtime sends names as the parser gives them (`viewBox`, `xlink:href`).
// `setAttribute` keeps an SVG element's name case as given; a namespaced attribute the element
// does not have yet (`xlink:href`, `xml:lang`) is created in its namespace, as the parser would.

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const XLINK_NS = 'http://www.w3.org/1999/xlink';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * The nodes `html` gives as the children of `parent`, in a container that is not in the page:
 * a template's content (of the template's inert document) or a copy of `parent`.
 * @param {Element} parent
 * @param {string} html
 * @returns {DocumentFragment | Element}
 */
function parseFor(parent, html) {
  const doc = parent.ownerDocument;
  if (parent.namespaceURI === HTML_NS || parent.namespaceURI === null) {
    const tpl = doc.createElement('template');
    tpl.innerHTML = html;
    return tpl.content;
  }
  const copy = /** @type {Element} */ (parent.cloneNode(false));
  copy.innerHTML = html;
  return copy;
}

/**
 * The elements `html` gives as children of `parent`, to be inserted into the page. They are not
 * copied out of the template's inert document (`importNode` cloned every inserted row: a list
 * refilled with 729 rows paid for its nodes twice); inserting them adopts them.
 * @param {Element} parent
 * @param {string} html
 * @returns {Element[]}
 */
function parseElements(parent, html) {
  return Array.from(parseFor(parent, html).children);
}

/**
 * The namespace the HTML parser gives attribute `name` on a foreign element, if it gives one.
 * @param {string} name
 * @returns {string | null}
 */
function foreignAttrNs(name) {
  switch (name) {
    case 'xlink:actuate': case 'xlink:arcrole': case 'xlink:href': case 'xlink:role':
    case 'xlink:show': case 'xlink:title': case 'xlink:type':
      return XLINK_NS;
    case 'xml:lang': case 'xml:space':
      return XML_NS;
    case 'xmlns': case 'xmlns:xlink':
      return XMLNS_NS;
    default:
      return null;
  }
}

/**
 * Sets attribute `name` of `el` (by its qualified name, as the runtime names it).
 * @param {Element} el
 * @param {string} name
 * @param {string} value
 */
function setAttr(el, name, value) {
  if (el.namespaceURI !== HTML_NS && !el.hasAttribute(name)) {
    const ns = foreignAttrNs(name);
    if (ns !== null) {
      el.setAttributeNS(ns, name, value);
      return;
    }
  }
  el.setAttribute(name, value);
}
