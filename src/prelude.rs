//! What std's prelude has and core's does not, so that the `no_std` `.wasm` build and the host's
//! std build read the same code. Each module that needs one of these says `use crate::prelude::*`.

pub use alloc::borrow::ToOwned;
pub use alloc::boxed::Box;
pub use alloc::format;
pub use alloc::string::{String, ToString};
pub use alloc::vec;
pub use alloc::vec::Vec;
