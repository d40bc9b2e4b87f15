//! Shapes: what the crate knows about an object, as `const` data. A shape lists only the
//! fields that need a check, a conversion, a capture or a default; every other field passes
//! through with its key re-cased.

use core::num::NonZeroU8;

use super::members::Members;

/// What one known field holds.
pub type Kind = KindOf<&'static Shape>;

/// [`Kind`] over what its nested variants hold: a [`Field`] keeps `KindOf<()>`, one byte, beside
/// its shape pointer, where a `Kind` would take eight.
#[derive(Debug, Clone, Copy)]
#[repr(u8)]
pub enum KindOf<S> {
    /// Anything: copied like an unknown field.
    Any,
    /// A string (or `null`).
    Str,
    Bool,
    /// A count the crate passes through (pagination): any JSON number, as it came; an integer
    /// past 2^53 becomes a string, as everywhere.
    Count,
    /// A decimal amount, given as a JSON number or string; always a string in the output.
    Amount,
    /// An integer amount in smallest units (ASCII digits, optional `-`); always a string.
    Units,
    /// A nested object of this shape.
    Object(S),
    /// An array of objects of this shape.
    Array(S),
}

/// Values Rust keeps from an answer (see [`super::Captures`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The payment's status (`status`, `current_status`).
    Status = 0,
    /// `pagination.has_next_page` (`"true"` / `"false"`).
    HasNextPage = 1,
    /// Whether a page's `data` has items (`"true"` / `"false"`).
    Items = 2,
}

/// Number of [`Slot`]s.
pub const SLOTS: usize = 3;

/// A check of a request value beyond its kind (encoding only).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Check {
    None,
    /// Not empty or only spaces.
    NonEmpty,
    /// One of these values (an enum the API refuses others of).
    OneOf(&'static [&'static str]),
    /// At most this many characters.
    MaxChars(usize),
    /// An amount above zero.
    Positive,
    /// Safe as a URL path segment (see `validate::path_id`).
    PathId,
    /// An enum-like value: ASCII capitals and `_` (e.g. a status).
    Constant,
}

/// A rule over the fields of a request object as a whole.
#[derive(Debug, Clone, Copy)]
pub enum Rule {
    None,
    /// Exactly one of the fields at these indexes of `fields` is given; `message` otherwise.
    ExactlyOne(&'static [usize], &'static str),
}

/// Extra members written when an object closes, from its fields kept in locals.
pub type Close = fn(&Locals<'_>, &mut Members<'_>);

/// The values of the fields marked `.local(i)` in the object being closed.
pub type Locals<'a> = [Option<alloc::borrow::Cow<'a, str>>; LOCALS];

/// Number of local slots per object.
pub const LOCALS: usize = 4;

/// A known field. Most fields need only a name, a kind and whether they are required: the
/// rest is behind one pointer ([`Extra`]), shared by every field that has none of it, which
/// keeps a `Field` 20 bytes on wasm32 instead of 64 (the catalogue has hundreds of them).
#[derive(Debug, Clone, Copy)]
pub struct Field {
    /// The wire (snake_case) name.
    pub name: &'static str,
    /// [`Kind`] as its variant and its shape, so the variant packs with the flags below.
    tag: KindOf<()>,
    shape: Option<&'static Shape>,
    required: bool,
    capture: Option<Slot>,
    /// The local index plus one (one byte, where an `Option<u8>` takes two).
    local: Option<NonZeroU8>,
    extra: &'static Extra,
}

// Hundreds of fields are in the .wasm's data: one that grows back fails the build.
#[cfg(target_pointer_width = "32")]
const _: () = assert!(core::mem::size_of::<Field>() == 20);

/// The parts of a [`Field`] few fields have, built as a constant and attached with
/// [`Field::with`]: `Field::str("paymentID").with(&Extra::new().js("paymentId"))`.
#[derive(Debug, Clone, Copy)]
pub struct Extra {
    js: Option<&'static str>,
    absent: Option<&'static str>,
    check: Check,
    hint: &'static str,
}

impl Extra {
    const NONE: Extra = Extra::new();

    pub const fn new() -> Self {
        Self {
            js: None,
            absent: None,
            check: Check::None,
            hint: "",
        }
    }
    /// The JS name when it is not the camelCase of the wire name (`paymentID` -> `paymentId`).
    pub const fn js(mut self, js: &'static str) -> Self {
        self.js = Some(js);
        self
    }
    /// Written (as this JSON text) when the field is absent or `null`.
    pub const fn or(mut self, absent: &'static str) -> Self {
        self.absent = Some(absent);
        self
    }
    pub const fn check(mut self, check: Check) -> Self {
        self.check = check;
        self
    }
    /// Appended to "is required" in a request's message.
    pub const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }
}

impl Default for Extra {
    fn default() -> Self {
        Self::new()
    }
}

impl Field {
    pub const fn new(name: &'static str, kind: Kind) -> Self {
        let (tag, shape) = match kind {
            Kind::Any => (KindOf::Any, None),
            Kind::Str => (KindOf::Str, None),
            Kind::Bool => (KindOf::Bool, None),
            Kind::Count => (KindOf::Count, None),
            Kind::Amount => (KindOf::Amount, None),
            Kind::Units => (KindOf::Units, None),
            Kind::Object(s) => (KindOf::Object(()), Some(s)),
            Kind::Array(s) => (KindOf::Array(()), Some(s)),
        };
        Self {
            name,
            tag,
            shape,
            required: false,
            capture: None,
            local: None,
            extra: &Extra::NONE,
        }
    }
    pub const fn str(name: &'static str) -> Self {
        Self::new(name, Kind::Str)
    }
    pub const fn required(mut self) -> Self {
        self.required = true;
        self
    }
    pub const fn capture(mut self, slot: Slot) -> Self {
        self.capture = Some(slot);
        self
    }
    /// Kept in local `index` for the shape's [`Close`].
    pub const fn local(mut self, index: usize) -> Self {
        assert!(index < LOCALS, "a local index is below LOCALS");
        self.local = NonZeroU8::new(index as u8 + 1);
        self
    }
    pub const fn with(mut self, extra: &'static Extra) -> Self {
        self.extra = extra;
        self
    }

    #[inline(always)]
    pub const fn kind(&self) -> Kind {
        match (self.tag, self.shape) {
            (KindOf::Str, _) => Kind::Str,
            (KindOf::Bool, _) => Kind::Bool,
            (KindOf::Count, _) => Kind::Count,
            (KindOf::Amount, _) => Kind::Amount,
            (KindOf::Units, _) => Kind::Units,
            (KindOf::Object(()), Some(s)) => Kind::Object(s),
            (KindOf::Array(()), Some(s)) => Kind::Array(s),
            _ => Kind::Any,
        }
    }
    #[inline(always)]
    pub const fn is_required(&self) -> bool {
        self.required
    }
    #[inline(always)]
    pub const fn slot(&self) -> Option<Slot> {
        self.capture
    }
    #[inline(always)]
    pub fn local_index(&self) -> Option<usize> {
        self.local.map(|n| usize::from(n.get()) - 1)
    }
    #[inline(always)]
    pub const fn js(&self) -> Option<&'static str> {
        self.extra.js
    }
    #[inline(always)]
    pub const fn absent(&self) -> Option<&'static str> {
        self.extra.absent
    }
    #[inline(always)]
    pub const fn check(&self) -> Check {
        self.extra.check
    }
    #[inline(always)]
    pub const fn hint(&self) -> &'static str {
        self.extra.hint
    }
}

/// An object the crate knows. At most 64 fields (a bit set tracks which were seen; a test
/// checks every shape).
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Names the object in messages (`"gateway payment"`, `"request"`; empty for none).
    pub what: &'static str,
    pub fields: &'static [Field],
    pub close: Option<Close>,
    pub rule: Rule,
    /// A request whose every field is documented: an unknown one is refused (a typo would
    /// otherwise be sent and ignored).
    pub closed: bool,
    /// The answer may be any JSON value (the description's `{}` schema), and an empty body
    /// (a 204) reads as `null`.
    pub any_value: bool,
    /// The bits (see [`Shape::bit`]) of the fields that are required or have a default: an
    /// object that had all of them needs no look at its fields when it closes.
    pub needed: u64,
}

impl Shape {
    pub const fn new(what: &'static str, fields: &'static [Field]) -> Self {
        Self {
            what,
            fields,
            close: None,
            rule: Rule::None,
            closed: false,
            any_value: false,
            needed: Self::needed(fields, 0),
        }
    }

    const fn needed(fields: &[Field], index: usize) -> u64 {
        match fields {
            [] => 0,
            [f, rest @ ..] => {
                let bit = if f.required || f.extra.absent.is_some() {
                    Self::bit(index)
                } else {
                    0
                };
                bit | Self::needed(rest, index + 1)
            }
        }
    }
    pub const fn closed(mut self) -> Self {
        self.closed = true;
        self
    }
    pub const fn any_value(mut self) -> Self {
        self.any_value = true;
        self
    }
    pub const fn on_close(mut self, close: Close) -> Self {
        self.close = Some(close);
        self
    }
    pub const fn rule(mut self, rule: Rule) -> Self {
        self.rule = rule;
        self
    }

    /// The field named `name` on the wire, with its index.
    #[inline(always)]
    pub(crate) fn field(&self, name: &str) -> Option<(usize, &'static Field)> {
        let (len, first) = (name.len(), name.as_bytes().first());
        // Length and first byte rule out almost every field without a call to memcmp.
        self.fields.iter().enumerate().find(|(_, f)| {
            f.name.len() == len && f.name.as_bytes().first() == first && f.name == name
        })
    }

    /// The bit of field `index` in a "seen" set (fields past the 64th share the last bit).
    #[inline(always)]
    pub(crate) const fn bit(index: usize) -> u64 {
        1u64 << if index < 63 { index } else { 63 }
    }
}

/// Any object: keys re-cased, nothing checked.
pub static ANY: Shape = Shape::new("answer", &[]);

/// Any JSON value (`null` for an empty body): keys re-cased, nothing checked.
pub static ANY_VALUE: Shape = Shape::new("answer", &[]).any_value();
