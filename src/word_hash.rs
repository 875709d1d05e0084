//! A fast, unkeyed hash of short byte strings that reads a few whole words: for tables
//! that only the application fills, or where two keys that collide cost a second look and
//! nothing more. Never for a table a client can fill.

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// `state` with `word` mixed in by a folded multiply: both halves of the 128-bit product,
/// so that every input bit reaches the high bits a hash table reads.
pub(crate) fn mix(state: u64, word: u64) -> u64 {
    let product = u128::from(state ^ word ^ SEED) * u128::from(MULTIPLIER);
    (product as u64) ^ ((product >> 64) as u64)
}

/// `state` with `bytes` mixed in: their length and their first and last eight bytes (all
/// of them when there are eight or fewer).
pub(crate) fn mix_ends(state: u64, bytes: &[u8]) -> u64 {
    let (first, last) = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) => (u64::from_le_bytes(*first), u64::from_le_bytes(*last)),
        _ => {
            let mut word = [0u8; 8];
            word[..bytes.len()].copy_from_slice(bytes);
            (u64::from_le_bytes(word), 0)
        }
    };
    mix(
        mix(state, first ^ (bytes.len() as u64).rotate_left(56)),
        last,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_and_both_ends_count() {
        let hash = |s: &str| mix_ends(0, s.as_bytes());
        assert_ne!(hash("fr"), hash("fr\0"));
        assert_ne!(hash("en-US,en;q=0.9"), hash("en-GB,en;q=0.9"));
        assert_ne!(hash("en-US,en;q=0.9"), hash("en-US,en;q=0.8"));
        assert_ne!(hash(""), hash("\0"));
        assert_eq!(hash("USER_NOT_FOUND"), hash("USER_NOT_FOUND"));
    }
}
