//! The hash of the watcher's map (payment ids, a few dozen bytes each). foldhash, hashbrown's
//! default, reads 8 bytes at a time through `try_into().unwrap()`, whose `Debug` of
//! `TryFromSliceError` kept `core::fmt::write` in the full `.wasm`, and brings 3 KB of seeding
//! code that on wasm32 finds no entropy anyway (no address randomisation, no clock). A byte at a
//! time cannot fail, and ids are short.

use core::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate per byte (FxHash's step) and a final avalanche (MurmurHash3's `fmix64`), so
/// that both ends of the hash are well mixed: hashbrown takes the bucket from the low bits and
/// the control byte from the top seven.
#[derive(Default)]
pub struct IdHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub type BuildIdHasher = BuildHasherDefault<IdHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use core::hash::BuildHasher;

    fn hash(id: &str) -> u64 {
        BuildIdHasher::default().hash_one(id)
    }

    #[test]
    fn equal_ids_hash_alike_and_near_ids_apart() {
        assert_eq!(
            hash("LqaUrQimtgTe9iF3Knv8Ld"),
            hash("LqaUrQimtgTe9iF3Knv8Ld")
        );
        // Ids that differ in one early byte still differ in the bucket bits and the control byte.
        let a = hash("pay-00000001");
        let b = hash("qay-00000001");
        assert_ne!(a & 0xffff, b & 0xffff);
        assert_ne!(a >> 57, b >> 57);
    }

    #[test]
    fn sequential_ids_spread_over_buckets_and_control_bytes() {
        // 4096 ids such as a test or a batch job makes: every one of 256 buckets (low bits) and
        // of the 128 control bytes (top 7 bits) is used, none by more than 2.5 times its share
        // (a uniform hash stays within about twice; one that ignores a byte would not).
        let mut buckets = [0u32; 256];
        let mut controls = [0u32; 128];
        for i in 0..4096 {
            let h = hash(&format!("pay_{i:08}"));
            buckets[(h & 255) as usize] += 1;
            controls[(h >> 57) as usize] += 1;
        }
        assert!(
            buckets.iter().all(|&n| (1..=40).contains(&n)),
            "{buckets:?}"
        );
        assert!(
            controls.iter().all(|&n| (1..=80).contains(&n)),
            "{controls:?}"
        );
    }
}
