//! The crate's modules as syn reads them: from `lib.rs` through every `mod` (inline or in its
//! own file), what each one imports and which paths its code and macros name.

use std::path::{Path, PathBuf};

use proc_macro2::{TokenStream, TokenTree};
use syn::visit::{self, Visit};
use syn::{Item, ItemMod, ItemUse, UseTree, Visibility};

/// One `use` leaf: `use super::shape::Field as F` is `["super", "shape", "Field"]`, alias `F`.
pub struct Use {
    pub segments: Vec<String>,
    /// The name it binds; `None` for a glob (`use super::*`).
    pub alias: Option<String>,
    /// A `pub`, `pub(crate)` or `pub(super)` use: a re-export.
    pub public: bool,
    pub text: String,
}

pub struct Module {
    /// `"crate"`, or the path below it: `"json::decode"`.
    pub name: String,
    pub segments: Vec<String>,
    pub children: Vec<String>,
    pub uses: Vec<Use>,
    /// Paths of two segments or more named in code, types, patterns and macro arguments.
    pub paths: Vec<Vec<String>>,
    /// The module whose file this one is written in: itself, or for an inline `mod` that is
    /// not `#[cfg(test)]` (a block a feature gates), the module around it. Items of one file
    /// naming each other are no import cycle.
    pub file: usize,
    /// Under `#[cfg(test)]`: in no build, so none of its edges count.
    pub test: bool,
}

/// Every module of the crate rooted at `src/lib.rs`, parents before children.
pub fn crate_modules(src: &Path) -> Vec<Module> {
    let mut out = Vec::new();
    let root = Place {
        file: &src.join("lib.rs"),
        dir: src,
        within: None,
        test: false,
    };
    read_file(&root, Vec::new(), &mut out);
    out
}

/// Where a module is written: its file, the folder of its `mod x;` children, the module that
/// file holds (for an inline module), and whether it is under `#[cfg(test)]`.
struct Place<'p> {
    file: &'p Path,
    dir: &'p Path,
    within: Option<usize>,
    test: bool,
}

fn read_file(place: &Place<'_>, segments: Vec<String>, out: &mut Vec<Module>) {
    let file = place.file.display();
    let text = std::fs::read_to_string(place.file).unwrap_or_else(|e| panic!("{file}: {e}"));
    let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
    read_items(&parsed.items, place, segments, out);
}

fn read_items(items: &[Item], place: &Place<'_>, segments: Vec<String>, out: &mut Vec<Module>) {
    let name = if segments.is_empty() {
        "crate".into()
    } else {
        segments.join("::")
    };
    let file = place.within.unwrap_or(out.len());
    let mut reader = Reader {
        module: Module {
            name,
            segments: segments.clone(),
            children: Vec::new(),
            uses: Vec::new(),
            paths: Vec::new(),
            file,
            test: place.test,
        },
        mods: Vec::new(),
    };
    for item in items {
        reader.visit_item(item);
    }
    let Reader { mut module, mods } = reader;
    module.children = mods.iter().map(|m| m.ident.to_string()).collect();
    out.push(module);
    for m in mods {
        let mut child = segments.clone();
        child.push(m.ident.to_string());
        let test = place.test || is_test(m);
        match &m.content {
            Some((_, items)) => {
                let dir = place.dir.join(m.ident.to_string());
                let within = (!test).then_some(file);
                let inline = Place {
                    dir: &dir,
                    within,
                    test,
                    ..*place
                };
                read_items(items, &inline, child, out);
            }
            None => {
                let (file, dir) = child_file(m, place.file, place.dir);
                let own = Place {
                    file: &file,
                    dir: &dir,
                    within: None,
                    test,
                };
                read_file(&own, child, out);
            }
        }
    }
}

/// `#[cfg(test)]` or `#[cfg(all(test, ...))]`: a module of tests.
fn is_test(m: &ItemMod) -> bool {
    m.attrs.iter().any(|a| {
        let syn::Meta::List(list) = &a.meta else {
            return false;
        };
        let words = list.tokens.to_string();
        let mut words = words.split(|c: char| !c.is_alphanumeric() && c != '_');
        a.path().is_ident("cfg") && words.clone().any(|w| w == "test") && !words.any(|w| w == "not")
    })
}

/// The file of `mod name;` declared in `file`, and the folder of its own children.
fn child_file(m: &ItemMod, file: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let name = m.ident.to_string();
    let at = m.attrs.iter().find(|a| a.path().is_ident("path"));
    if let Some(attr) = at {
        let syn::Meta::NameValue(nv) = &attr.meta else {
            panic!("#[path] without a value")
        };
        let syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) = &nv.value
        else {
            panic!("#[path] that is not a string")
        };
        let path = file.parent().unwrap().join(s.value());
        let own = path.with_extension("");
        return (path, own);
    }
    let own = dir.join(&name);
    let flat = dir.join(format!("{name}.rs"));
    if flat.exists() {
        (flat, own)
    } else {
        (own.join("mod.rs"), own)
    }
}

struct Reader<'ast> {
    module: Module,
    /// Child modules, read after this one (their items are not this module's).
    mods: Vec<&'ast ItemMod>,
}

impl<'ast> Visit<'ast> for Reader<'ast> {
    fn visit_item_mod(&mut self, m: &'ast ItemMod) {
        self.mods.push(m);
    }

    fn visit_item_use(&mut self, u: &'ast ItemUse) {
        let public = !matches!(u.vis, Visibility::Inherited);
        leaves(&u.tree, &mut Vec::new(), &mut |segments, alias| {
            let text = match &alias {
                Some(a) if segments.last() != Some(a) => format!("{} as {a}", segments.join("::")),
                Some(_) => segments.join("::"),
                None => format!("{}::*", segments.join("::")),
            };
            self.module.uses.push(Use {
                segments,
                alias,
                public,
                text,
            });
        });
    }

    fn visit_path(&mut self, p: &'ast syn::Path) {
        if p.segments.len() > 1 {
            let segments = p.segments.iter().map(|s| s.ident.to_string()).collect();
            self.module.paths.push(segments);
        }
        visit::visit_path(self, p);
    }

    fn visit_macro(&mut self, m: &'ast syn::Macro) {
        macro_paths(m.tokens.clone(), &mut self.module.paths);
        visit::visit_macro(self, m);
    }
}

/// Calls `leaf(segments, alias)` for each name a use tree binds.
fn leaves(
    tree: &UseTree,
    prefix: &mut Vec<String>,
    leaf: &mut dyn FnMut(Vec<String>, Option<String>),
) {
    let with = |prefix: &Vec<String>, last: String| {
        let mut segments = prefix.clone();
        segments.push(last);
        segments
    };
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            leaves(&p.tree, prefix, leaf);
            prefix.pop();
        }
        // `use super::{self, x}` binds the prefix's last name.
        UseTree::Name(n) if n.ident == "self" => leaf(prefix.clone(), prefix.last().cloned()),
        UseTree::Name(n) => leaf(with(prefix, n.ident.to_string()), Some(n.ident.to_string())),
        UseTree::Rename(r) => leaf(
            with(prefix, r.ident.to_string()),
            Some(r.rename.to_string()),
        ),
        UseTree::Glob(_) => leaf(prefix.clone(), None),
        UseTree::Group(g) => {
            for tree in &g.items {
                leaves(tree, prefix, leaf);
            }
        }
    }
}

/// `a::b::c` sequences among a macro's tokens (syn leaves macro arguments unparsed).
fn macro_paths(tokens: TokenStream, out: &mut Vec<Vec<String>>) {
    let mut path: Vec<String> = Vec::new();
    let mut colons = 0;
    let flush = |path: &mut Vec<String>, out: &mut Vec<Vec<String>>| {
        if path.len() > 1 {
            out.push(std::mem::take(path));
        }
        path.clear();
    };
    for token in tokens {
        match token {
            TokenTree::Ident(ident) if path.is_empty() || colons == 2 => {
                path.push(ident.to_string());
                colons = 0;
            }
            TokenTree::Punct(p) if p.as_char() == ':' && !path.is_empty() && colons < 2 => {
                colons += 1
            }
            TokenTree::Group(g) => {
                flush(&mut path, out);
                macro_paths(g.stream(), out);
            }
            other => {
                flush(&mut path, out);
                colons = 0;
                if let TokenTree::Ident(ident) = other {
                    path.push(ident.to_string());
                }
            }
        }
    }
    flush(&mut path, out);
}
