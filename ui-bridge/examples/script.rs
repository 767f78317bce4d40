//! Prints the client script exactly as the plugin injects it ([`golivekit_bridge::script`]), so
//! the JS tests can also run on the shipped bundle:
//!
//! ```sh
//! cargo run -q -p golivekit-bridge --example script > target/golivekit.js
//! GOLIVEKIT_BRIDGE_SCRIPT=target/golivekit.js npm test
//! ```

fn main() {
    print!("{}", golivekit_bridge::script());
}
