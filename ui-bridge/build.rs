//! Joins the client's files (in the order `js/bundle.json` lists them) into one init script.
//! The JS tests join them the same way (`test/load.mjs`), so both run the same code.

use std::{env, fs, path::Path};

fn main() {
    let manifest = fs::read_to_string("js/bundle.json").expect("js/bundle.json");
    println!("cargo:rerun-if-changed=js");
    let mut out = String::from(
        "/* GoliveKit Desktop bridge — generated from ui-bridge/js, do not edit. */\n(function () {\n'use strict';\n",
    );
    for name in manifest.split('"').skip(1).step_by(2) {
        let path = Path::new("js").join(name);
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        out.push_str(&format!("// ---- {name}\n{source}\n"));
    }
    out.push_str("})();\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("golivekit.js");
    fs::write(dest, out).expect("write bundle");
}
