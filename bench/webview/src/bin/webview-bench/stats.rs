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
    fn the_mean_resolves_below_the_samples_step() {
        assert_eq!(mean(&[8.0, 9.0, 9.0, 9.0]), Some(8.75));
        assert_eq!(mean(&[]), None);
    }
}
