//! SIGINT and SIGTERM: a flag the long-running commands check between records, and a bound on
//! how long they may take to act on it.

use anyhow::Result;

/// How long a signalled command may take to finish what it is writing before it is ended.
const GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// What must be said if the grace runs out while the main thread is in the middle of
/// something that cannot be taken back (an action sent to Lacework): set before it, cleared
/// after.
static LAST_WORDS: std::sync::Mutex<Option<Box<dyn FnOnce() + Send>>> = std::sync::Mutex::new(None);

/// Sets (or with `None` clears) what the signal path says before it ends the process.
pub fn last_words(words: Option<Box<dyn FnOnce() + Send>>) {
    *LAST_WORDS.lock().unwrap_or_else(|e| e.into_inner()) = words;
}

/// A flag that SIGINT or SIGTERM raises, so a command can finish what it is writing (close a
/// JSON array, commit a page, clear the progress line) and exit. Whatever it is doing (a slow
/// request, a back-off wait, a queued lock), the process ends `exit_code` within about a second
/// of the signal, after its [`last_words`]; a second signal ends it at once. Ending it there is
/// safe: stdout ends at a whole record (see [`crate::stdout`]), and a poll's next run settles
/// the batch it was writing, exactly as after a kill.
pub fn stop_on_signals(exit_code: i32) -> Result<std::sync::Arc<std::sync::atomic::AtomicBool>> {
    use std::sync::atomic::Ordering;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register_conditional_shutdown(sig, 130, std::sync::Arc::clone(&stop))?;
        signal_hook::flag::register(sig, std::sync::Arc::clone(&stop))?;
    }
    let watched = std::sync::Arc::clone(&stop);
    std::thread::spawn(move || {
        while !watched.load(Ordering::SeqCst) {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(GRACE);
        if let Some(words) = LAST_WORDS.lock().unwrap_or_else(|e| e.into_inner()).take() {
            words();
        }
        // The main thread is waiting on the network between pages: stdout is at a record's
        // end, and what the format still owes (a JSON array's close) can be written after it.
        crate::stdout::close_and_exit(crate::printer::owed(), exit_code);
    });
    Ok(stop)
}
