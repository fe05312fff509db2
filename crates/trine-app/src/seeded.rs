//! The seeded shuffles of the analysis: each permutation test draws from a
//! generator seeded by the data itself (FNV-1a over its bytes), so the same
//! journal always gives the same verdict, and nothing is drawn from the
//! operating system.

use rand::rngs::StdRng;
use rand::SeedableRng;

/// FNV-1a's starting value.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`, from `start` (usually [`FNV_OFFSET`]).
pub(crate) fn fnv1a(start: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut hash = start;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The bytes of some numbers, for [`fnv1a`].
pub(crate) fn bytes_of(values: &[f64]) -> impl Iterator<Item = u8> + '_ {
    values.iter().flat_map(|v| v.to_bits().to_le_bytes())
}

/// A generator seeded with `seed`.
pub(crate) fn generator(seed: u64) -> StdRng {
    StdRng::seed_from_u64(seed)
}
