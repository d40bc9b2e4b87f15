//! `local!`: a static owned by one thread. On the host it is std's `thread_local!` (tests run on
//! many threads); the `.wasm` is `no_std` and single-threaded (built without `atomics`), so there
//! it is a plain static, made on first use (or at compile time, with `= const { ... }`).

#[cfg(target_arch = "wasm32")]
pub struct Local<T> {
    value: core::cell::OnceCell<T>,
    init: fn() -> T,
}

// A module without the `atomics` feature has one thread: nothing is ever shared.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<T> Sync for Local<T> {}

#[cfg(target_arch = "wasm32")]
impl<T> Local<T> {
    pub const fn new(init: fn() -> T) -> Self {
        Self {
            value: core::cell::OnceCell::new(),
            init,
        }
    }

    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(self.value.get_or_init(self.init))
    }

    /// As std's: a thread-local can be gone while its thread ends; a static never is.
    pub fn try_with<R>(
        &'static self,
        f: impl FnOnce(&T) -> R,
    ) -> Result<R, core::convert::Infallible> {
        Ok(self.with(f))
    }
}

#[cfg(target_arch = "wasm32")]
impl<T> Local<core::cell::RefCell<T>> {
    pub fn with_borrow_mut<R>(&'static self, f: impl FnOnce(&mut T) -> R) -> R {
        self.with(|cell| f(&mut cell.borrow_mut()))
    }
}

/// A `local!` whose value is made at compile time (`= const { ... }`): reached with no first-use
/// check, for state on a hot path.
#[cfg(target_arch = "wasm32")]
pub struct ConstLocal<T>(T);

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl<T> Sync for ConstLocal<T> {}

#[cfg(target_arch = "wasm32")]
impl<T> ConstLocal<T> {
    pub const fn new(value: T) -> Self {
        Self(value)
    }

    pub fn with<R>(&'static self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0)
    }
}

#[cfg(target_arch = "wasm32")]
#[macro_export]
macro_rules! local {
    ($(#[$attr:meta])* static $name:ident: $ty:ty = const $init:block;) => {
        $(#[$attr])*
        static $name: $crate::local::ConstLocal<$ty> = $crate::local::ConstLocal::new($init);
    };
    ($(#[$attr:meta])* static $name:ident: $ty:ty = $init:expr;) => {
        $(#[$attr])*
        static $name: $crate::local::Local<$ty> = $crate::local::Local::new({
            fn init() -> $ty {
                $init
            }
            init
        });
    };
}

#[cfg(not(target_arch = "wasm32"))]
#[macro_export]
macro_rules! local {
    ($(#[$attr:meta])* static $name:ident: $ty:ty = const $init:block;) => {
        std::thread_local! {
            $(#[$attr])*
            static $name: $ty = const $init;
        }
    };
    ($(#[$attr:meta])* static $name:ident: $ty:ty = $init:expr;) => {
        std::thread_local! {
            $(#[$attr])*
            static $name: $ty = $init;
        }
    };
}
