//! Keyed list ops: how the items of a `data-list` container get from the old key order to the new.
//!
//! Items kept in both orders whose old positions form a longest increasing subsequence stay where
//! they are; every other kept item is moved and every new item inserted, at its target index, in
//! ascending index order; items gone are removed. See [`crate::protocol::ListOp`] for the three
//! passes that apply them and why they always end in the target order.

use foldhash::HashMap;

/// Where one target item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Placement {
    /// Not in the old list: inserted at this index.
    Insert,
    /// Kept at old position `usize`, and already in place relative to the other stable items.
    Stay(usize),
    /// Kept at old position `usize`, but moved to this index.
    Move(usize),
}

/// The plan for one list: old positions removed, and for each target index its placement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Plan {
    pub removed: Vec<usize>,
    pub placements: Vec<Placement>,
}

/// Plans the ops turning `old` keys into `new` keys (each list's keys are distinct).
pub(super) fn plan(old: &[&str], new: &[&str]) -> Plan {
    // (foldhash: a third of the keyed plan's instructions against SipHash, and seeded per
    // process, for keys from user data.)
    let mut old_pos: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(old.len(), Default::default());
    old_pos.extend(old.iter().enumerate().map(|(i, k)| (*k, i)));
    let mut kept = vec![false; old.len()];
    let from: Vec<Option<usize>> = new
        .iter()
        .map(|k| {
            let p = old_pos.get(k).copied();
            if let Some(p) = p {
                kept[p] = true;
            }
            p
        })
        .collect();
    let seq: Vec<usize> = from.iter().flatten().copied().collect();
    let stable = longest_increasing(&seq);
    let mut next_kept = 0;
    let placements = from
        .iter()
        .map(|p| match p {
            None => Placement::Insert,
            Some(p) => {
                let stays = stable[next_kept];
                next_kept += 1;
                if stays {
                    Placement::Stay(*p)
                } else {
                    Placement::Move(*p)
                }
            }
        })
        .collect();
    let removed = (0..old.len()).filter(|&i| !kept[i]).collect();
    Plan { removed, placements }
}

/// Marks the members of one longest strictly increasing subsequence of `seq` (O(n log n)).
fn longest_increasing(seq: &[usize]) -> Vec<bool> {
    // tails[l] = index in seq of the smallest tail of an increasing run of length l + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let l = tails.partition_point(|&t| seq[t] < x);
        prev[i] = l.checked_sub(1).map(|j| tails[j]);
        if l == tails.len() {
            tails.push(i);
        } else {
            tails[l] = i;
        }
    }
    let mut member = vec![false; seq.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        member[i] = true;
        at = prev[i];
    }
    member
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moves(old: &[&str], new: &[&str]) -> usize {
        plan(old, new).placements.iter().filter(|p| matches!(p, Placement::Move(_))).count()
    }

    #[test]
    fn moving_one_item_to_the_end_moves_only_that_item() {
        let old: Vec<String> = (0..100).map(|i| i.to_string()).collect();
        let mut new = old.clone();
        let first = new.remove(0);
        new.push(first);
        let o: Vec<&str> = old.iter().map(String::as_str).collect();
        let n: Vec<&str> = new.iter().map(String::as_str).collect();
        assert_eq!(moves(&o, &n), 1);
    }

    #[test]
    fn unchanged_order_moves_nothing() {
        assert_eq!(
            plan(&["a", "b"], &["a", "b"]),
            Plan { removed: vec![], placements: vec![Placement::Stay(0), Placement::Stay(1)] }
        );
    }

    #[test]
    fn reversal_keeps_one_item_and_moves_the_rest() {
        assert_eq!(moves(&["a", "b", "c", "d"], &["d", "c", "b", "a"]), 3);
    }

    #[test]
    fn removed_and_inserted_items_are_planned() {
        let p = plan(&["a", "b", "c"], &["x", "c", "b", "a"]);
        assert!(p.removed.is_empty());
        assert_eq!(p.placements[0], Placement::Insert);
    }

    #[test]
    fn longest_increasing_subsequence_is_found() {
        let m = longest_increasing(&[3, 0, 1, 4, 2]);
        assert_eq!(m, vec![false, true, true, false, true]);
    }
}
