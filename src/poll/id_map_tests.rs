//! The map against std's `HashMap` on generated operations, and the hash's spread.

use std::collections::HashMap;

use super::*;
use crate::test_rng::Xorshift;

#[test]
fn behaves_as_a_hash_map_under_random_inserts_and_removes() {
    let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
    let mut map: IdMap<u64> = IdMap::default();
    let mut model: HashMap<String, u64> = HashMap::new();
    // A small id space, so that removes hit, runs collide and wrap around the end.
    for step in 0..20_000u64 {
        let id = format!("pay_{}", rng.next() % 300);
        match rng.next() % 4 {
            0 | 1 => {
                map.insert(Rc::from(id.as_str()), step);
                model.insert(id.clone(), step);
            }
            2 => assert_eq!(map.remove(&id), model.remove(&id), "remove {id}"),
            _ => {
                let got = map.get_mut(&id).map(|(key, value)| {
                    assert_eq!(&**key, id.as_str());
                    *value += 1;
                    *value
                });
                let want = model.get_mut(&id).map(|value| {
                    *value += 1;
                    *value
                });
                assert_eq!(got, want, "get {id}");
            }
        }
        assert_eq!(map.len(), model.len());
        assert_eq!(map.contains_key(&id), model.contains_key(&id));
    }
    for id in model.keys() {
        assert!(map.contains_key(id), "{id}");
    }
    assert!(!map.contains_key("pay_300"));
    assert!(map.slots.len() * 3 >= map.len() * 4);
}

#[test]
fn an_empty_map_finds_nothing_and_removes_nothing() {
    let mut map: IdMap<()> = IdMap::default();
    assert!(map.is_empty());
    assert!(!map.contains_key(""));
    assert_eq!(map.remove("x"), None);
    assert!(map.get_mut("x").is_none());
    map.insert(Rc::from(""), ());
    assert!(map.contains_key("") && !map.is_empty());
}

#[test]
fn sequential_ids_spread_over_the_slots() {
    // 4096 ids such as a test or a batch job makes, over 256 buckets of the low bits: every
    // bucket used, none by more than 2.5 times its share (a uniform hash stays within about
    // twice; one that ignored a byte would not).
    let mut buckets = [0u32; 256];
    for i in 0..4096 {
        buckets[hash(&format!("pay_{i:08}")) & 255] += 1;
    }
    assert!(
        buckets.iter().all(|&n| (1..=40).contains(&n)),
        "{buckets:?}"
    );
}
