//! The start page: a link to each example. Route: `/`.
//!
//! Plain links navigate the window; the start page's view then terminates with `Navigate` and the
//! example's view is mounted for the new document.

use golivekit::shell::SecondInstance;
use golivekit::{component, html, BaseComponent, Component, Context, HandlerResult, Info, Renderer};

/// One entry of the start page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExampleLink {
    /// Route path.
    pub path: &'static str,
    /// Title.
    pub title: &'static str,
    /// One line on what it shows.
    pub blurb: &'static str,
}

/// Every example, in learning order.
pub const EXAMPLES: &[ExampleLink] = &[
    ExampleLink {
        path: "/counter",
        title: "Counter",
        blurb: "The seed's first component: assigns, lv-click, one slot patched per click.",
    },
    ExampleLink {
        path: "/socket",
        title: "Socket",
        blurb: "The view pushes events to the page and redirects the window.",
    },
    ExampleLink { path: "/clock", title: "Clock", blurb: "An interval timer: the view changes with no input." },
    ExampleLink {
        path: "/chat?name=Ann",
        title: "Chat",
        blurb: "Two windows talking over PubSub; a component opens a window.",
    },
    ExampleLink {
        path: "/crash",
        title: "Crash",
        blurb: "A panic ends one view, shows the error document, and nothing else stops.",
    },
    ExampleLink { path: "/form", title: "Form", blurb: "Validation while typing, submit, a loading button." },
    ExampleLink { path: "/todos", title: "Todos", blurb: "A keyed list: add, toggle with checkboxes, delete." },
    ExampleLink { path: "/search", title: "Search", blurb: "Search as you type, debounced, over 1,000 rows." },
    ExampleLink { path: "/keys", title: "Keyboard", blurb: "Shortcuts, focus and blur, client-side commands." },
    ExampleLink {
        path: "/editor",
        title: "Notes editor",
        blurb: "Nothing typed is lost: save shortcuts, switching notes while typing, quitting.",
    },
    ExampleLink {
        path: "/board",
        title: "Board",
        blurb: "Components inside components: cards with their own edit state on a kanban board.",
    },
    ExampleLink {
        path: "/chart",
        title: "Chart",
        blurb: "A bar chart in inline SVG: a keyed list of bars, a zoom that changes the viewBox.",
    },
    ExampleLink {
        path: "/files",
        title: "Files",
        blurb: "Native file dialogs awaited in a handler: open a file, pick a folder.",
    },
    ExampleLink {
        path: "/notes",
        title: "Notes",
        blurb: "A notes app on a folder of .md files: dialogs, confirm, dropped files, the File menu, a notification.",
    },
];

/// The start page.
#[derive(Default)]
pub struct Home {
    base: BaseComponent,
    /// The arguments of the app's last second launch, if there was one.
    launched_again: Option<Vec<String>>,
}

#[component]
impl Component for Home {
    fn render(&self, _ctx: &Context) -> Renderer<'_> {
        html! {
            <div data-live-view="home" class="home">
                <h1>"GoliveKit Desktop"</h1>
                <p>"LiveView components in Rust, in a native window."</p>
                <ul class="examples">
                    for ex in EXAMPLES {
                        <li><a href={ex.path}>{ex.title}</a> " — " {ex.blurb}</li>
                    }
                </ul>
                if let Some(args) = &self.launched_again {
                    <p id="second-launch" class="hint">"The app was launched again with: " <code>{args.join(" ")}</code></p>
                }
                <p class="hint">
                    "Built on " <a id="tauri-link" href="https://tauri.app/">"Tauri"</a>
                    " (opens in your browser)."
                </p>
            </div>
        }
        .into()
    }

    async fn handle_info(&mut self, _ctx: &Context, msg: Info) -> HandlerResult {
        if let Some(second) = msg.downcast_ref::<SecondInstance>() {
            // The program's own path first, then what was passed.
            self.launched_again = Some(second.args.iter().skip(1).cloned().collect());
        }
        Ok(())
    }
}
