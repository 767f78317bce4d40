//! # golivekit-bridge — the JS client injected into the webview
//!
//! The client is plain ES2020 in `ui-bridge/js/` (`// @ts-check`, no build step, one role per
//! file; `ARCHITECTURE.md` lists them, and `js/bundle.json` is the authoritative list). The build
//! script joins them, in the order `js/bundle.json` gives, into one IIFE exposed here as
//! [`script`]; the Tauri plugin registers it as an init script so it runs before every page.
//!
//! ```
//! assert!(golivekit_bridge::script().contains("plugin:golivekit|event"));
//! assert!(golivekit_bridge::script().starts_with("/* GoliveKit Desktop bridge"));
//! ```
//!
//! The binary carries the script brotli-compressed (~70 KB of text in ~17 KB) and it is
//! decompressed once, on first use: with Tauri's default `compression` feature the app already links the
//! same decoder for its own assets, so this adds 0.4 KB of code for 53 KB less data
//! (docs/PERFORMANCE.md, "What users ship").

use std::sync::OnceLock;

/// The script as the build script compressed it.
const COMPRESSED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/golivekit.js.br"));

/// The whole client as one script, in ASCII only, its comment lines and indentation left out
/// (see `build.rs`). Decompressed on the first call (0.3 ms, release), then shared.
pub fn script() -> &'static str {
    static SCRIPT: OnceLock<String> = OnceLock::new();
    SCRIPT.get_or_init(|| {
        let mut input = COMPRESSED;
        let mut out = Vec::with_capacity(COMPRESSED.len() * 5);
        // The same call, with the same types, as tauri-utils' asset decoder: one copy of it.
        brotli::BrotliDecompress(&mut input, &mut out).expect("the script compressed by build.rs decompresses");
        String::from_utf8(out).expect("the script is ASCII")
    })
}

#[cfg(test)]
mod strip;

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_is_ascii_only_so_webkit_keeps_it_in_one_byte_per_character() {
        assert!(super::script().is_ascii());
        assert!(super::script().contains("\\u2014"), "the header's dash, escaped");
    }

    #[test]
    fn bundle_holds_every_listed_file_in_order() {
        let manifest = include_str!("../js/bundle.json");
        let names: Vec<&str> = manifest.split('"').skip(1).step_by(2).collect();
        assert!(names.len() >= 6);
        let positions: Vec<usize> =
            names.iter().map(|n| super::script().find(&format!("// ---- {n}\n")).expect(n)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{names:?} out of order");
    }
}
