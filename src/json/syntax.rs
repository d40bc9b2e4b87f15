//! Why a document could not be read, and where, for messages.

use crate::prelude::*;
/// Deepest nesting accepted. The APIs nest a handful of levels; the bound keeps a hostile body
/// from recursing the wasm stack away.
pub const MAX_DEPTH: usize = 128;

/// Why a document could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// Not JSON at byte `pos`.
    Invalid(usize),
    /// The text ends in the middle of a value.
    Eof(usize),
    /// Nesting deeper than [`MAX_DEPTH`], at byte `pos`.
    TooDeep(usize),
}

impl Syntax {
    /// Byte offset in the text.
    pub fn pos(self) -> usize {
        match self {
            Self::Invalid(pos) | Self::Eof(pos) | Self::TooDeep(pos) => pos,
        }
    }

    /// `"line 1, column 5"` (1-based; columns count characters).
    pub fn location(self, text: &str) -> String {
        // At the end, the last character is named (as serde_json did before this module).
        let pos = match self {
            Self::Eof(pos) => pos.saturating_sub(1),
            other => other.pos(),
        };
        let (line, column) = line_column(text, pos);
        cat!("line ", line, ", column ", column)
    }

    /// `"it is not valid JSON (line 1, column 5)"` and its kin, for messages.
    pub fn describe(self, text: &str) -> String {
        let at = |_| self.location(text);
        match self {
            Self::Invalid(pos) => cat!("it is not valid JSON (", at(pos), ")"),
            Self::Eof(pos) => cat!(
                "the JSON ends early (",
                at(pos),
                "); the response was cut off"
            ),
            Self::TooDeep(pos) => cat!(
                "it nests deeper than ",
                MAX_DEPTH,
                " levels (",
                at(pos),
                ")"
            ),
        }
    }
}

/// 1-based line and column (in characters) of byte `pos`.
fn line_column(text: &str, pos: usize) -> (usize, usize) {
    let before = text.get(..pos.min(text.len())).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}
