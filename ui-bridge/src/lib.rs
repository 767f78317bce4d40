//! # golivekit-bridge — the JS client injected into the webview
//!
//! The client is plain ES2020 in `ui-bridge/js/` (`// @ts-check`, no build step, one role per
//! file; `ARCHITECTURE.md` lists them, and `js/bundle.json` is the authoritative list). The build
//! script joins them, in the order `js/bundle.json` gives, into one IIFE exposed here as
//! [`SCRIPT`]; the Tauri plugin registers it as an init script so it runs before every page.
//!
//! ```
//! assert!(golivekit_bridge::SCRIPT.contains("plugin:golivekit|event"));
//! assert!(golivekit_bridge::SCRIPT.starts_with("/* GoliveKit Desktop bridge"));
//! ```

/// The whole client as one script, in ASCII only, its comment lines and indentation left out
/// (see `build.rs`).
pub const SCRIPT: &str = include_str!(concat!(env!("OUT_DIR"), "/golivekit.js"));

#[cfg(test)]
mod strip;

#[cfg(test)]
mod tests {
    #[test]
    fn the_script_is_ascii_only_so_webkit_keeps_it_in_one_byte_per_character() {
        assert!(super::SCRIPT.is_ascii());
        assert!(super::SCRIPT.contains("\\u2014"), "the header's dash, escaped");
    }

    #[test]
    fn bundle_holds_every_listed_file_in_order() {
        let manifest = include_str!("../js/bundle.json");
        let names: Vec<&str> = manifest.split('"').skip(1).step_by(2).collect();
        assert!(names.len() >= 6);
        let positions: Vec<usize> =
            names.iter().map(|n| super::SCRIPT.find(&format!("// ---- {n}\n")).expect(n)).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{names:?} out of order");
    }
}
