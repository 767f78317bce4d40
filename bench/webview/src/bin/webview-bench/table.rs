//! The comparison table: one row per metric, a column per app, the ratios, and the goal.

use std::fmt::Write;

/// The apps' columns, in order.
pub const APPS: [&str; 3] = ["GoliveKit", "floor (bare Tauri)", "Dioxus"];

/// What a row is checked against (issue 6's goals), all in the row's unit.
#[derive(Debug, Clone, Copy)]
pub enum Goal {
    /// No goal; the row is context.
    None,
    /// GoliveKit ≤ `ratio` × floor, and below the peer when `below_peer`.
    Ratio { ratio: f64, below_peer: bool },
    /// GoliveKit ≤ floor + `margin`.
    Margin(f64),
}

/// One metric for the three apps (`None`: not measured, e.g. the peer was not built).
#[derive(Debug, Clone)]
pub struct Row {
    /// What is measured.
    pub metric: String,
    /// `ms` or `MB`.
    pub unit: &'static str,
    /// GoliveKit, floor, peer.
    pub values: [Option<f64>; 3],
    /// The half-width of each value's 95 % confidence interval, where it has one.
    pub ci: [Option<f64>; 3],
    /// The goal to check.
    pub goal: Goal,
}

impl Row {
    /// Whether GoliveKit meets the row's goal; `None` when there is no goal or a figure is missing.
    pub fn met(&self) -> Option<bool> {
        let [us, floor, peer] = self.values;
        let (us, floor) = (us?, floor?);
        match self.goal {
            Goal::None => None,
            Goal::Ratio { ratio, below_peer } => {
                let peer_ok = if below_peer { peer.map(|p| us < p) } else { Some(true) };
                Some(us <= ratio * floor && peer_ok?)
            }
            Goal::Margin(margin) => Some(us <= floor + margin),
        }
    }

    /// Whether the verdict could go the other way inside the intervals: a ratio goal whose
    /// GoliveKit and floor figures both have confidence intervals, and the goal holds at one end
    /// of them and fails at the other (GoliveKit's high end against the floor's low end, and the
    /// reverse). Then the table says the verdict is on the means only.
    pub fn within_noise(&self) -> bool {
        let ([Some(us), Some(floor), _], [Some(us_ci), Some(floor_ci), _], Goal::Ratio { ratio, .. }) =
            (self.values, self.ci, self.goal)
        else {
            return false;
        };
        let best = us - us_ci <= ratio * (floor + floor_ci);
        let worst = us + us_ci <= ratio * (floor - floor_ci);
        best != worst
    }

    fn goal_text(&self) -> String {
        let noise = self.within_noise();
        let verdict = match self.met() {
            Some(true) if noise => " — met on the means, inside the noise",
            Some(true) => " — met",
            Some(false) if noise => " — **not met** on the means, inside the noise",
            Some(false) => " — **not met**",
            None => "",
        };
        match self.goal {
            Goal::None => String::new(),
            Goal::Ratio { ratio, below_peer: true } => format!("≤ {ratio}× floor, < Dioxus{verdict}"),
            Goal::Ratio { ratio, below_peer: false } => format!("≤ {ratio}× floor{verdict}"),
            Goal::Margin(m) => format!("≤ floor + {m} {}{verdict}", self.unit),
        }
    }
}

fn value(v: Option<f64>, ci: Option<f64>, unit: &str) -> String {
    match (v, ci) {
        (Some(v), _) if unit == "MB" => format!("{v:.1} MB"),
        (Some(v), Some(ci)) => format!("{v:.2} ± {ci:.2} ms"),
        (Some(v), None) => format!("{v:.2} ms"),
        (None, _) => "—".into(),
    }
}

fn ratio(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) if b > 0.0 => format!("{:.2}×", a / b),
        _ => "—".into(),
    }
}

/// The table as Markdown.
pub fn markdown(rows: &[Row]) -> String {
    let mut out = format!(
        "| metric | {} | {} | {} | GoliveKit ÷ floor | GoliveKit ÷ Dioxus | goal |\n",
        APPS[0], APPS[1], APPS[2]
    );
    out.push_str("|---|---:|---:|---:|---:|---:|---|\n");
    for row in rows {
        let [us, floor, peer] = row.values;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            row.metric,
            value(us, row.ci[0], row.unit),
            value(floor, row.ci[1], row.unit),
            value(peer, row.ci[2], row.unit),
            ratio(us, floor),
            ratio(us, peer),
            row.goal_text()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(values: [Option<f64>; 3], goal: Goal) -> Row {
        Row { metric: "m".into(), unit: "ms", values, ci: [None; 3], goal }
    }

    #[test]
    fn a_ratio_goal_needs_the_floor_ratio_and_beating_the_peer() {
        let goal = Goal::Ratio { ratio: 1.3, below_peer: true };
        assert_eq!(row([Some(1.2), Some(1.0), Some(2.0)], goal).met(), Some(true));
        assert_eq!(row([Some(1.4), Some(1.0), Some(2.0)], goal).met(), Some(false));
        assert_eq!(row([Some(1.2), Some(1.0), Some(1.1)], goal).met(), Some(false));
        assert_eq!(row([Some(1.2), Some(1.0), None], goal).met(), None, "no peer figure, no verdict");
    }

    #[test]
    fn a_margin_goal_adds_to_the_floor() {
        assert_eq!(row([Some(140.0), Some(100.0), None], Goal::Margin(50.0)).met(), Some(true));
        assert_eq!(row([Some(151.0), Some(100.0), None], Goal::Margin(50.0)).met(), Some(false));
    }

    #[test]
    fn a_verdict_the_intervals_could_turn_says_it_is_on_the_means_only() {
        let goal = Goal::Ratio { ratio: 1.05, below_peer: false };
        let with = |us: f64, us_ci: f64, floor: f64, floor_ci: f64| {
            let mut r = row([Some(us), Some(floor), None], goal);
            r.ci = [Some(us_ci), Some(floor_ci), None];
            r
        };
        let wide = with(2.93, 0.99, 3.26, 2.22);
        assert!(wide.within_noise() && wide.met() == Some(true));
        assert!(wide.goal_text().ends_with("met on the means, inside the noise"), "{}", wide.goal_text());
        let clear = with(1.00, 0.02, 1.50, 0.02);
        assert!(!clear.within_noise() && clear.goal_text().ends_with("— met"));
        let clearly_not = with(3.0, 0.1, 1.5, 0.1);
        assert!(!clearly_not.within_noise() && clearly_not.goal_text().ends_with("— **not met**"));
        assert!(!row([Some(3.0), Some(1.5), None], goal).within_noise(), "no intervals, no noise verdict");
    }

    #[test]
    fn a_confidence_interval_prints_after_its_value() {
        let mut r = row([Some(2.0), Some(1.5), None], Goal::None);
        r.ci = [Some(0.25), None, None];
        assert!(markdown(&[r]).contains("| m | 2.00 ± 0.25 ms | 1.50 ms | — |"));
    }

    #[test]
    fn missing_figures_print_as_dashes() {
        let table = markdown(&[row([Some(1.0), None, None], Goal::None)]);
        assert!(table.contains("| m | 1.00 ms | — | — | — | — |  |"), "{table}");
    }
}
