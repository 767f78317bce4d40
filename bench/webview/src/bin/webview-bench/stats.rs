//! Percentiles and medians of samples.

/// The `p`-th percentile (0–100) by nearest rank; `None` for no samples.
///
/// Nearest rank never invents a value: p99 of 1,000 samples is the 990th smallest.
pub fn percentile(samples: &[f64], p: f64) -> Option<f64> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * sorted.len() as f64).ceil().max(1.0) as usize;
    Some(sorted[rank.min(sorted.len()) - 1])
}

/// The median (p50).
pub fn median(samples: &[f64]) -> Option<f64> {
    percentile(samples, 50.0)
}

/// The arithmetic mean; `None` for no samples. With a page clock in whole milliseconds, the mean
/// of many samples resolves differences the median cannot.
pub fn mean(samples: &[f64]) -> Option<f64> {
    (!samples.is_empty()).then(|| samples.iter().sum::<f64>() / samples.len() as f64)
}

/// The mean of `samples` and the half-width of its 95 % confidence interval (Student's t, so a
/// handful of launch means gives an honest width); `None` for fewer than two samples.
pub fn mean_ci95(samples: &[f64]) -> Option<(f64, f64)> {
    let n = samples.len();
    if n < 2 {
        return None;
    }
    let m = mean(samples)?;
    let var = samples.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (n - 1) as f64;
    // t(0.975, df) for df = 1..=10, then the normal value.
    const T: [f64; 10] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228];
    let t = T.get(n - 2).copied().unwrap_or(1.96);
    Some((m, t * (var / n as f64).sqrt()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles_pick_real_samples() {
        let samples: Vec<f64> = (1..=1000).rev().map(f64::from).collect();
        assert_eq!(percentile(&samples, 50.0), Some(500.0));
        assert_eq!(percentile(&samples, 99.0), Some(990.0));
        assert_eq!(percentile(&samples, 100.0), Some(1000.0));
        assert_eq!(median(&[3.0]), Some(3.0));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn the_confidence_interval_of_a_few_launch_means_uses_student_t() {
        let (m, half) = mean_ci95(&[2.0, 2.2, 2.4]).expect("three launches");
        assert!((m - 2.2).abs() < 1e-9);
        assert!((half - 4.303 * (0.04f64 / 3.0).sqrt()).abs() < 1e-9, "{half}");
        assert_eq!(mean_ci95(&[1.0]), None, "one launch has no interval");
    }

    #[test]
    fn the_mean_resolves_below_the_samples_step() {
        assert_eq!(mean(&[8.0, 9.0, 9.0, 9.0]), Some(8.75));
        assert_eq!(mean(&[]), None);
    }
}
