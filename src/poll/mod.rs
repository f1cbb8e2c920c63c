//! `alerts poll`'s rooms: the pure decisions ([`machine`]), the state file ([`store`]), the
//! `--out` file ([`output`]), the lock ([`lock`]), and a run that ties them together ([`run`]).
//! The command file holds only the `--every` loop.
//!
//! The order of a commit is the whole trick: events are written and fsync'd, then the state
//! (cursor, recent IDs, the output's committed length and identity) is replaced atomically.

pub mod lock;
pub mod machine;
pub mod output;
pub mod run;
pub mod store;

pub use machine::*;

/// Test hook: `LWCTL_CRASH_AT=point[:n]` aborts the process the n-th time it reaches `point`,
/// like a SIGKILL there. Debug builds only.
pub(crate) fn crash_point(point: &str) {
    #[cfg(debug_assertions)]
    {
        use std::sync::atomic::{AtomicU32, Ordering};
        static HITS: AtomicU32 = AtomicU32::new(0);
        if let Ok(spec) = std::env::var("LWCTL_CRASH_AT") {
            let (name, n) = spec.split_once(':').unwrap_or((&spec, "1"));
            if name == point && HITS.fetch_add(1, Ordering::SeqCst) + 1 >= n.parse().unwrap_or(1) {
                std::process::abort();
            }
        }
    }
    let _ = point;
}
