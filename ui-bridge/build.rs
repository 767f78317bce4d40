//! Joins the client's files (in the order `js/bundle.json` lists them) into one init script,
//! each without its comment lines, indentation and blank lines (`src/strip.rs`: whole lines
//! only, so the code is the sources' code line for line). The JS tests join the sources the same
//! way (`test/load.mjs`) without stripping them; the e2e suite runs the stripped script in WebKit.
//!
//! The script is written in ASCII only: every other character becomes a `\uXXXX` escape (valid
//! in JS strings, regexes, template literals, identifiers and comments alike). WebKit stores a
//! script with any non-Latin-1 character as UTF-16, twice the bytes, and keeps each closed
//! window's init scripts (wry's IPC handler holds its webview): measured 198.6 KiB more per
//! closed window for the 101,702-character bridge with 53 such characters (docs/PERFORMANCE.md).

use std::{env, fs, path::Path};

#[path = "src/strip.rs"]
mod strip;

fn main() {
    let manifest = fs::read_to_string("js/bundle.json").expect("js/bundle.json");
    println!("cargo:rerun-if-changed=js");
    let mut out = String::from(
        "/* GoliveKit Desktop bridge — generated from ui-bridge/js, do not edit. */\n(function () {\n'use strict';\n",
    );
    for name in manifest.split('"').skip(1).step_by(2) {
        let path = Path::new("js").join(name);
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let source = strip::strip(name, &source).unwrap_or_else(|e| panic!("{e}"));
        out.push_str(&format!("// ---- {name}\n{source}"));
    }
    out.push_str("})();\n");
    let out = ascii_only(&out);
    let dir = env::var("OUT_DIR").expect("OUT_DIR");
    // What the binary carries: the script brotli-compressed at the highest quality (src/lib.rs).
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut out.as_bytes(), &mut compressed, &params).expect("compress bundle");
    fs::write(Path::new(&dir).join("golivekit.js.br"), compressed).expect("write compressed bundle");
}

/// `source` with every non-ASCII character written as `\uXXXX` (UTF-16 units).
fn ascii_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for c in source.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}
