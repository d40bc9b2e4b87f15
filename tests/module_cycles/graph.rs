//! Who depends on whom: each name a module uses, resolved through re-exports to the module that
//! defines it, and the cycles among them.

use std::collections::{BTreeMap, HashMap, VecDeque};

use crate::read::Module;

pub struct Graph {
    names: Vec<String>,
    segments: Vec<Vec<String>>,
    /// `edges[a][b]`: the first path in `a` that names something of `b`.
    edges: Vec<BTreeMap<usize, String>>,
}

/// The crate's module tree and each module's names, for resolving paths.
struct Scope<'m> {
    modules: &'m [Module],
    index: HashMap<&'m [String], usize>,
    /// Per module: the name each `use` binds, as a path from the crate root.
    aliases: Vec<HashMap<String, Vec<String>>>,
}

impl<'m> Scope<'m> {
    fn new(modules: &'m [Module]) -> Self {
        let index = modules
            .iter()
            .enumerate()
            .map(|(i, m)| (&m.segments[..], i))
            .collect();
        let mut scope = Scope {
            modules,
            index,
            aliases: vec![HashMap::new(); modules.len()],
        };
        for (i, m) in modules.iter().enumerate() {
            let aliases = m
                .uses
                .iter()
                .filter_map(|u| Some((u.alias.clone()?, scope.absolute(i, &u.segments)?)))
                .collect();
            scope.aliases[i] = aliases;
        }
        scope
    }

    /// `path` as written in module `at`, from the crate root; `None` for another crate's or a
    /// local name.
    fn absolute(&self, at: usize, path: &[String]) -> Option<Vec<String>> {
        let here = &self.modules[at];
        let (first, rest) = path.split_first()?;
        let mut base = match first.as_str() {
            "crate" => return Some(rest.to_vec()),
            "self" => here.segments.clone(),
            "super" => {
                let mut base = here.segments.clone();
                base.pop();
                let mut rest = rest;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                base.extend_from_slice(rest);
                return Some(base);
            }
            name if here.children.iter().any(|c| c == name) => {
                let mut base = here.segments.clone();
                base.push(name.to_string());
                base
            }
            name => self.aliases.get(at)?.get(name)?.clone(),
        };
        base.extend_from_slice(rest);
        Some(base)
    }

    /// The module that defines what `path` names, and the modules whose `pub use` it passed.
    fn resolve(&self, mut path: Vec<String>) -> (usize, Vec<usize>) {
        let mut passed = Vec::new();
        for _ in 0..16 {
            let k = (0..=path.len())
                .rev()
                .find(|&k| self.index.contains_key(&path[..k]))
                .unwrap_or(0);
            let module = self.index[&path[..k]];
            let Some(name) = path.get(k) else {
                return (module, passed);
            };
            let export = self.modules[module]
                .uses
                .iter()
                .find(|u| u.public && u.alias.as_ref() == Some(name));
            let Some(target) = export.and_then(|u| self.absolute(module, &u.segments)) else {
                return (module, passed);
            };
            passed.push(module);
            path = [target, path[k + 1..].to_vec()].concat();
        }
        panic!("re-exports loop at {}", path.join("::"))
    }

    fn is_ancestor(&self, a: usize, of: usize) -> bool {
        let (a, of) = (&self.modules[a].segments, &self.modules[of].segments);
        a.len() < of.len() && of.starts_with(a)
    }
}

impl Graph {
    pub fn new(modules: &[Module]) -> Self {
        let scope = Scope::new(modules);
        let mut graph = Graph {
            names: modules.iter().map(|m| m.name.clone()).collect(),
            segments: modules.iter().map(|m| m.segments.clone()).collect(),
            edges: vec![BTreeMap::new(); modules.len()],
        };
        for (at, m) in modules.iter().enumerate().filter(|(_, m)| !m.test) {
            let named = m
                .uses
                .iter()
                .map(|u| (&u.segments, u.public, u.text.clone()))
                .chain(m.paths.iter().map(|p| (p, false, p.join("::"))));
            for (path, public, text) in named {
                let Some(absolute) = scope.absolute(at, path) else {
                    continue;
                };
                let (definer, passed) = scope.resolve(absolute);
                if public && scope.is_ancestor(at, definer) {
                    continue; // a facade re-exporting its own children
                }
                let through = passed.into_iter().filter(|&p| !scope.is_ancestor(p, at));
                for to in through.chain([definer]) {
                    let (from, to) = (m.file, modules[to].file);
                    if to != from {
                        graph.edges[from].entry(to).or_insert_with(|| text.clone());
                    }
                }
            }
        }
        graph
    }

    /// The same dependencies between wholes: an edge `a::x -> b::y` is one `a -> b` between the
    /// children of their nearest common module, so `api` and `models` as layers form no cycle
    /// even when no two of their files do.
    pub fn layers(&self) -> Graph {
        let mut layers = Graph {
            names: self.names.clone(),
            segments: self.segments.clone(),
            edges: vec![BTreeMap::new(); self.names.len()],
        };
        let find = |segments: &[String]| self.segments.iter().position(|s| s == segments);
        for (from, edges) in self.edges.iter().enumerate() {
            for (&to, why) in edges {
                let (a, b) = (&self.segments[from], &self.segments[to]);
                let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
                if common == a.len() || common == b.len() {
                    continue; // one holds the other
                }
                let (Some(x), Some(y)) = (find(&a[..=common]), find(&b[..=common])) else {
                    continue;
                };
                let why = format!("{}: {why}", self.names[from]);
                layers.edges[x].entry(y).or_insert(why);
            }
        }
        layers
    }

    /// One shortest cycle per group of modules that reach each other:
    /// `"a -> b (path in a naming b) -> a (path in b naming a)"`, then the whole group when the
    /// cycle is not all of it.
    pub fn cycles(&self) -> Vec<String> {
        let mut out = Vec::new();
        for group in self
            .strongly_connected()
            .into_iter()
            .filter(|g| g.len() > 1)
        {
            let start = group[0];
            let mut came_from: HashMap<usize, usize> = HashMap::new();
            let mut queue = VecDeque::from([start]);
            'search: while let Some(at) = queue.pop_front() {
                for &to in self.edges[at].keys().filter(|to| group.contains(to)) {
                    if to == start {
                        came_from.insert(usize::MAX, at);
                        break 'search;
                    }
                    if let std::collections::hash_map::Entry::Vacant(e) = came_from.entry(to) {
                        e.insert(at);
                        queue.push_back(to);
                    }
                }
            }
            let mut back = Vec::new();
            let mut at = came_from[&usize::MAX];
            while at != start {
                back.push(at);
                at = came_from[&at];
            }
            let walk: Vec<usize> = [start]
                .into_iter()
                .chain(back.into_iter().rev())
                .chain([start])
                .collect();
            let mut text = self.names[start].clone();
            for pair in walk.windows(2) {
                let why = &self.edges[pair[0]][&pair[1]];
                text += &format!(" -> {} ({why})", self.names[pair[1]]);
            }
            if group.len() > walk.len() - 1 {
                let all: Vec<&str> = group.iter().map(|&m| self.names[m].as_str()).collect();
                text += &format!("; all that reach each other: {}", all.join(", "));
            }
            out.push(text);
        }
        out.sort();
        out
    }

    /// Tarjan's groups, each sorted, in no particular order.
    fn strongly_connected(&self) -> Vec<Vec<usize>> {
        struct State {
            next: usize,
            index: Vec<Option<usize>>,
            low: Vec<usize>,
            stack: Vec<usize>,
            on_stack: Vec<bool>,
            groups: Vec<Vec<usize>>,
        }
        fn visit(g: &Graph, v: usize, s: &mut State) {
            s.index[v] = Some(s.next);
            s.low[v] = s.next;
            s.next += 1;
            s.stack.push(v);
            s.on_stack[v] = true;
            for &w in g.edges[v].keys() {
                match s.index[w] {
                    None => {
                        visit(g, w, s);
                        s.low[v] = s.low[v].min(s.low[w]);
                    }
                    Some(iw) if s.on_stack[w] => s.low[v] = s.low[v].min(iw),
                    Some(_) => {}
                }
            }
            if Some(s.low[v]) == s.index[v] {
                let mut group = Vec::new();
                while let Some(w) = s.stack.pop() {
                    s.on_stack[w] = false;
                    group.push(w);
                    if w == v {
                        break;
                    }
                }
                group.sort();
                s.groups.push(group);
            }
        }
        let n = self.names.len();
        let mut s = State {
            next: 0,
            index: vec![None; n],
            low: vec![0; n],
            stack: Vec::new(),
            on_stack: vec![false; n],
            groups: Vec::new(),
        };
        for v in 0..n {
            if s.index[v].is_none() {
                visit(self, v, &mut s);
            }
        }
        s.groups
    }
}
