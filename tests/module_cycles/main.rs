//! No import cycle between the crate's modules. The module tree is read from `src/lib.rs`
//! through its `mod` declarations (`#[path]` honoured); an edge `a -> b` is a `use` or a path in
//! `a`'s code (macros included) naming an item `b` defines. A name reached through a module's
//! `pub use` is an edge to that module too, unless it is an ancestor of `a` (a facade that
//! re-exports its children is not depended on for them), and a module's `pub use` of its own
//! descendants is no edge. A cycle fails the test with the path of each edge, e.g.
//! `json::decode -> json::shape (super::shape::Field)`.
#![cfg(not(target_arch = "wasm32"))]

mod graph;
mod read;

use graph::Graph;

#[test]
fn no_module_depends_on_itself_through_others() {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let modules = read::crate_modules(&src);
    assert!(
        modules.len() > 40,
        "the module tree was not read: {} modules",
        modules.len()
    );
    let graph = Graph::new(&modules);
    let cycles = graph.cycles();
    let layers = graph.layers().cycles();
    assert!(
        cycles.is_empty() && layers.is_empty(),
        "import cycles between files:\n{}\nbetween modules as wholes:\n{}",
        cycles.join("\n"),
        layers.join("\n")
    );
}

#[test]
fn the_reader_sees_a_cycle_when_there_is_one() {
    let dir = std::env::temp_dir().join(format!("module-cycles-{}", std::process::id()));
    let files = [
        ("lib.rs", "mod a;\nmod b;\nmod d;\nmod e;\npub use a::A;\n"),
        (
            "a.rs",
            "pub struct A;\npub fn f() { crate::b::g() }\n\
             mod inner { pub fn h() { super::k() } }\npub fn k() { inner::h() }\n\
             #[cfg(test)]\nmod tests { use super::*; use crate::b::c; }\n",
        ),
        ("b/mod.rs", "mod c;\npub use c::g;\n"),
        ("b/c.rs", "use crate::A;\npub fn g() { let _ = A; }\n"),
        ("d/mod.rs", "mod x;\nmod z;\n"),
        ("d/x.rs", "fn f() { assert!(crate::e::y::Y); }\n"),
        ("d/z.rs", "pub const Z: bool = true;\n"),
        ("e/mod.rs", "pub mod y;\n"),
        ("e/y.rs", "pub const Y: bool = crate::d::z::Z;\n"),
    ];
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let modules = read::crate_modules(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let names: Vec<&str> = modules.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        ["crate", "a", "a::inner", "a::tests", "b", "b::c", "d", "d::x", "d::z", "e", "e::y"]
    );
    let graph = Graph::new(&modules);
    assert_eq!(
        graph.cycles(),
        ["a -> b::c (crate::b::g) -> a (crate::A)"],
        "facades (crate's `pub use a::A`, b's `pub use c::g`) are passed through, an inline \
         module is its file's, a test module has no edges, a path in a macro counts"
    );
    assert_eq!(
        graph.layers().cycles(),
        [
            "a -> b (a: crate::b::g) -> a (b::c: crate::A)",
            "d -> e (d::x: crate::e::y::Y) -> d (e::y: crate::d::z::Z)"
        ]
    );
}
