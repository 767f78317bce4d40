//! Foreign content (SVG and MathML): which tokens the tree builder reads by the HTML rules and
//! which by the foreign-content rules, the names the parser restores to their case (`viewBox`,
//! `foreignObject`), and the HTML tags that break out of an `<svg>` or `<math>`.
//!
//! The rules follow the HTML spec's tree construction dispatcher and its "rules for parsing tokens
//! in foreign content": inside `<svg>`/`<math>` every start tag makes an element of that namespace
//! (self-closing syntax closes it, and no element reads raw text), but for the breakout tags
//! (`<p>`, `<div>`, `<b>`, …), which close the foreign elements first; integration points
//! (`foreignObject`, `desc`, `title`; `mi`, `mo`, `mn`, `ms`, `mtext`; an HTML `annotation-xml`)
//! hold HTML content again.

use super::rules::Stack;
use super::{Element, Namespace};

/// Whether a start tag `name` (with `attrs`) inside foreign content closes the foreign elements
/// and is read as HTML (the spec's breakout list; `font` only with `color`, `face` or `size`).
pub(super) fn breaks_out(name: &str, attrs: &[(String, String)]) -> bool {
    match name {
        "b" | "big" | "blockquote" | "body" | "br" | "center" | "code" | "dd" | "div" | "dl" | "dt" | "em"
        | "embed" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "head" | "hr" | "i" | "img" | "li" | "listing"
        | "menu" | "meta" | "nobr" | "ol" | "p" | "pre" | "ruby" | "s" | "small" | "span" | "strong" | "strike"
        | "sub" | "sup" | "table" | "tt" | "u" | "ul" | "var" => true,
        "font" => attrs.iter().any(|(k, _)| matches!(k.as_str(), "color" | "face" | "size")),
        _ => false,
    }
}

/// The SVG element names the parser writes in camel case (the tokenizer lowercases every name).
fn svg_tag_name(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "altglyph" => "altGlyph",
        "altglyphdef" => "altGlyphDef",
        "altglyphitem" => "altGlyphItem",
        "animatecolor" => "animateColor",
        "animatemotion" => "animateMotion",
        "animatetransform" => "animateTransform",
        "clippath" => "clipPath",
        "feblend" => "feBlend",
        "fecolormatrix" => "feColorMatrix",
        "fecomponenttransfer" => "feComponentTransfer",
        "fecomposite" => "feComposite",
        "feconvolvematrix" => "feConvolveMatrix",
        "fediffuselighting" => "feDiffuseLighting",
        "fedisplacementmap" => "feDisplacementMap",
        "fedistantlight" => "feDistantLight",
        "fedropshadow" => "feDropShadow",
        "feflood" => "feFlood",
        "fefunca" => "feFuncA",
        "fefuncb" => "feFuncB",
        "fefuncg" => "feFuncG",
        "fefuncr" => "feFuncR",
        "fegaussianblur" => "feGaussianBlur",
        "feimage" => "feImage",
        "femerge" => "feMerge",
        "femergenode" => "feMergeNode",
        "femorphology" => "feMorphology",
        "feoffset" => "feOffset",
        "fepointlight" => "fePointLight",
        "fespecularlighting" => "feSpecularLighting",
        "fespotlight" => "feSpotLight",
        "fetile" => "feTile",
        "feturbulence" => "feTurbulence",
        "foreignobject" => "foreignObject",
        "glyphref" => "glyphRef",
        "lineargradient" => "linearGradient",
        "radialgradient" => "radialGradient",
        "textpath" => "textPath",
        _ => return None,
    })
}

/// The SVG attribute names the parser writes in camel case.
fn svg_attr_name(lower: &str) -> Option<&'static str> {
    Some(match lower {
        "attributename" => "attributeName",
        "attributetype" => "attributeType",
        "basefrequency" => "baseFrequency",
        "baseprofile" => "baseProfile",
        "calcmode" => "calcMode",
        "clippathunits" => "clipPathUnits",
        "diffuseconstant" => "diffuseConstant",
        "edgemode" => "edgeMode",
        "filterunits" => "filterUnits",
        "glyphref" => "glyphRef",
        "gradienttransform" => "gradientTransform",
        "gradientunits" => "gradientUnits",
        "kernelmatrix" => "kernelMatrix",
        "kernelunitlength" => "kernelUnitLength",
        "keypoints" => "keyPoints",
        "keysplines" => "keySplines",
        "keytimes" => "keyTimes",
        "lengthadjust" => "lengthAdjust",
        "limitingconeangle" => "limitingConeAngle",
        "markerheight" => "markerHeight",
        "markerunits" => "markerUnits",
        "markerwidth" => "markerWidth",
        "maskcontentunits" => "maskContentUnits",
        "maskunits" => "maskUnits",
        "numoctaves" => "numOctaves",
        "pathlength" => "pathLength",
        "patterncontentunits" => "patternContentUnits",
        "patterntransform" => "patternTransform",
        "patternunits" => "patternUnits",
        "pointsatx" => "pointsAtX",
        "pointsaty" => "pointsAtY",
        "pointsatz" => "pointsAtZ",
        "preservealpha" => "preserveAlpha",
        "preserveaspectratio" => "preserveAspectRatio",
        "primitiveunits" => "primitiveUnits",
        "refx" => "refX",
        "refy" => "refY",
        "repeatcount" => "repeatCount",
        "repeatdur" => "repeatDur",
        "requiredextensions" => "requiredExtensions",
        "requiredfeatures" => "requiredFeatures",
        "specularconstant" => "specularConstant",
        "specularexponent" => "specularExponent",
        "spreadmethod" => "spreadMethod",
        "startoffset" => "startOffset",
        "stddeviation" => "stdDeviation",
        "stitchtiles" => "stitchTiles",
        "surfacescale" => "surfaceScale",
        "systemlanguage" => "systemLanguage",
        "tablevalues" => "tableValues",
        "targetx" => "targetX",
        "targety" => "targetY",
        "textlength" => "textLength",
        "viewbox" => "viewBox",
        "viewtarget" => "viewTarget",
        "xchannelselector" => "xChannelSelector",
        "ychannelselector" => "yChannelSelector",
        "zoomandpan" => "zoomAndPan",
        _ => return None,
    })
}

/// Gives a foreign element of namespace `ns` the names a browser's parser gives it: SVG tag and
/// attribute names back in camel case, MathML's `definitionURL`. (Namespaced attributes such as
/// `xlink:href` keep their qualified name, which is how they serialize.)
pub(super) fn adjust(el: &mut Element, ns: Namespace) {
    el.ns = ns;
    match ns {
        Namespace::Html => return,
        Namespace::Svg => {
            if let Some(name) = svg_tag_name(&el.name) {
                el.name = name.to_owned();
            }
            for (k, _) in &mut el.attrs {
                if let Some(name) = svg_attr_name(k) {
                    *k = name.to_owned();
                }
            }
        }
        Namespace::MathMl => {
            for (k, _) in &mut el.attrs {
                if k == "definitionurl" {
                    *k = "definitionURL".to_owned();
                }
            }
        }
    }
    el.attrs.sort_unstable(); // names are unique: the same order as a stable sort
}

/// Whether `el` is a MathML text integration point (`mi`, `mo`, `mn`, `ms`, `mtext`).
fn mathml_text_point(el: &Element) -> bool {
    el.ns == Namespace::MathMl && matches!(el.name.as_str(), "mi" | "mo" | "mn" | "ms" | "mtext")
}

/// Whether `el` is an HTML integration point (SVG `foreignObject`, `desc`, `title`; a MathML
/// `annotation-xml` whose `encoding` is HTML).
fn html_point(el: &Element) -> bool {
    match el.ns {
        Namespace::Html => false,
        Namespace::Svg => matches!(el.name.as_str(), "foreignObject" | "desc" | "title"),
        Namespace::MathMl => {
            el.name == "annotation-xml"
                && el.attr("encoding").is_some_and(|e| {
                    e.eq_ignore_ascii_case("text/html") || e.eq_ignore_ascii_case("application/xhtml+xml")
                })
        }
    }
}

/// Whether the foreign element `el` bounds the spec's element scopes (and so stops an end tag or a
/// `<p>` search from reaching past it). Also the foreign elements in the "special" category.
pub(super) fn bounds_scope(el: &Element) -> bool {
    match el.ns {
        Namespace::Html => false,
        Namespace::Svg => matches!(el.name.as_str(), "foreignObject" | "desc" | "title"),
        Namespace::MathMl => matches!(el.name.as_str(), "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"),
    }
}

/// The namespace of an element named `name` opened by the HTML rules inside `parent`, as a
/// browser's parser would give it — used to rebuild the namespaces of a re-parse's context from
/// its names. `None` when the names do not tell (inside a MathML `annotation-xml`, which depends on
/// its `encoding`).
pub(super) fn child_ns(parent: &Element, name: &str) -> Option<Namespace> {
    let html_inside = match parent.ns {
        Namespace::Html => true,
        _ if parent.name == "annotation-xml" => return None,
        _ if mathml_text_point(parent) => !matches!(name, "mglyph" | "malignmark"),
        _ => html_point(parent),
    };
    Some(if !html_inside {
        parent.ns
    } else {
        match name {
            "svg" => Namespace::Svg,
            "math" => Namespace::MathMl,
            _ => Namespace::Html,
        }
    })
}

/// What [`Stack::foreign_end_tag`] did with an end tag.
pub(super) enum ForeignEnd<'n> {
    /// Handled: it closed the element of this creation number, or nothing.
    Closed(Option<usize>),
    /// To be read by the HTML rules, by this name — which in an SVG current node has its SVG case
    /// back (`</foreignobject>` is `foreignObject`), as WebKit reads it (the spec compares
    /// lowercase; the two differ only for an HTML element of such a name with SVG open inside
    /// it, found by `tests/e2e/parse_differential.rs`).
    Html(&'n str),
}

impl Stack {
    /// The adjusted current node's namespace (the container at the bottom is HTML).
    pub(super) fn current_ns(&self) -> Namespace {
        self.els.last().map_or(Namespace::Html, |e| e.ns)
    }

    /// Whether a start tag `name` is read by the HTML rules (the tree construction dispatcher):
    /// the current node is HTML, or an integration point that takes this tag as HTML.
    pub(super) fn html_rules_for_start(&self, name: &str) -> bool {
        let Some(el) = self.els.last() else { return true };
        el.ns == Namespace::Html
            || (mathml_text_point(el) && !matches!(name, "mglyph" | "malignmark"))
            || (el.ns == Namespace::MathMl && el.name == "annotation-xml" && name == "svg")
            || html_point(el)
    }

    /// Whether text is read by the HTML rules: the current node is HTML or an integration point.
    /// Otherwise the tree builder is "in foreign content", where (as in WebKit, which the spec
    /// words differently) a CDATA section is text, not a comment.
    pub(super) fn html_rules_for_text(&self) -> bool {
        self.els.last().map_or(true, |el| el.ns == Namespace::Html || mathml_text_point(el) || html_point(el))
    }

    /// Pops foreign elements until the current node is HTML or an integration point (before a
    /// breakout tag, or a `</p>`/`</br>` in foreign content, is read by the HTML rules).
    pub(super) fn close_foreign(&mut self) {
        while self.len() > self.floor {
            let el = self.els.last().expect("non-empty");
            if el.ns == Namespace::Html || mathml_text_point(el) || html_point(el) {
                break;
            }
            self.close_top();
        }
    }

    /// An end tag `name` read by the foreign-content rules when the current node is foreign.
    pub(super) fn foreign_end_tag<'n>(&mut self, name: &'n str) -> ForeignEnd<'n> {
        let name = match self.current_ns() {
            Namespace::Html => return ForeignEnd::Html(name),
            Namespace::Svg => svg_tag_name(name).unwrap_or(name),
            Namespace::MathMl => name,
        };
        if matches!(name, "br" | "p") {
            self.close_foreign();
            return ForeignEnd::Html(name);
        }
        // The nearest open element of that name, down to the first HTML one.
        for i in (self.floor..self.len()).rev() {
            let el = &self.els[i];
            if el.ns == Namespace::Html {
                return ForeignEnd::Html(name);
            }
            if el.name == name {
                let id = self.ids[i];
                self.close_to(i);
                return ForeignEnd::Closed(Some(id));
            }
        }
        ForeignEnd::Closed(None)
    }
}

#[cfg(test)]
mod tests {
    use crate::canonical;

    #[test]
    fn self_closing_syntax_closes_svg_elements() {
        assert_eq!(
            canonical(r#"<svg><path d="M0 0"/><circle r=1 /></svg>x"#),
            r#"<svg><path d="M0 0"></path><circle r="1"></circle></svg>x"#
        );
    }

    #[test]
    fn svg_names_get_their_case_back() {
        assert_eq!(
            canonical(r#"<svg viewbox="0 0 1 1"><clippath clippathunits=x><lineargradient/></clippath></svg>"#),
            r#"<svg viewBox="0 0 1 1"><clipPath clipPathUnits="x"><linearGradient></linearGradient></clipPath></svg>"#
        );
    }

    #[test]
    fn breakout_tags_close_the_svg() {
        assert_eq!(canonical("<svg><g><p>x</p></g></svg>"), "<svg><g></g></svg><p>x</p>");
        assert_eq!(
            canonical("<svg><font>a</font><font color=red>b</svg>"),
            "<svg><font>a</font></svg><font color=\"red\">b</font>"
        );
    }

    #[test]
    fn foreign_object_holds_html() {
        assert_eq!(
            canonical("<svg><foreignObject><div/>a<p>b</div></foreignObject><rect/></svg>"),
            "<svg><foreignObject><div>a<p>b</p></div></foreignObject><rect></rect></svg>"
        );
    }

    #[test]
    fn svg_style_and_title_are_not_raw_text() {
        assert_eq!(
            canonical("<svg><style>a &amp; <b>c</b></style></svg>"),
            "<svg><style>a &amp; </style></svg><b>c</b>"
        );
        assert_eq!(canonical("<svg><title>x<i>y</i></title></svg>"), "<svg><title>x<i>y</i></title></svg>");
    }

    #[test]
    fn cdata_is_text_in_foreign_content_and_a_comment_in_html() {
        assert_eq!(canonical("<svg><![CDATA[a<b]]></svg>"), "<svg>a&lt;b</svg>");
        assert_eq!(canonical("<div><![CDATA[a]]></div>"), "<div><!--[CDATA[a]]--></div>");
    }

    #[test]
    fn end_tags_match_svg_names_whatever_their_case() {
        assert_eq!(
            canonical("<svg><foreignobject>x</FOREIGNOBJECT>y</svg>"),
            "<svg><foreignObject>x</foreignObject>y</svg>"
        );
    }

    #[test]
    fn cdata_at_an_integration_point_is_a_comment_as_in_webkit() {
        assert_eq!(canonical("<svg><desc><![CDATA[x<y]]></desc></svg>"), "<svg><desc><!--[CDATA[x<y]]--></desc></svg>");
        assert_eq!(canonical("<math><mi><![CDATA[x]]></mi></math>"), "<math><mi><!--[CDATA[x]]--></mi></math>");
    }

    #[test]
    fn an_svg_end_tag_gets_its_case_before_the_html_rules_read_it() {
        // An HTML `<foreignobject>` (outside any svg) is not closed by `</foreignobject>` read in
        // the svg inside it: WebKit reads the tag as `</foreignObject>`.
        assert_eq!(
            canonical("<foreignobject><svg></foreignobject>x</svg>y"),
            "<foreignobject><svg>x</svg>y</foreignobject>"
        );
    }

    #[test]
    fn math_text_points_hold_html_but_mglyph() {
        assert_eq!(
            canonical("<math><mi><b>x</b><mglyph/></mi></math>"),
            "<math><mi><b>x</b><mglyph></mglyph></mi></math>"
        );
    }

    #[test]
    fn html_end_tags_close_through_foreign_elements() {
        assert_eq!(canonical("<div><svg><g><circle></div>x"), "<div><svg><g><circle></circle></g></svg></div>x");
    }
}
