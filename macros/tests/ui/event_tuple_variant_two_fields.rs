use golivekit::LiveEvent;

#[derive(LiveEvent)]
enum Msg {
    Move(u64, u64),
}

fn main() {}
