//! Decides once how to talk to the user: output format, colour, progress, prompts.

use comfy_table::{ContentArrangement, Table};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// `-o/--output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A table for people (the default on a terminal).
    Table,
    /// One JSON document.
    Json,
    /// One JSON object per line (the default when piped).
    Ndjson,
    /// Comma-separated values with a header.
    Csv,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// The terminal facts every command needs.
#[derive(Debug, Clone)]
pub struct Ui {
    pub stdout_tty: bool,
    pub stderr_tty: bool,
    pub stdin_tty: bool,
    pub color: bool,
    pub no_input: bool,
    pub verbose: u8,
    pub format: Option<Format>,
}

impl Ui {
    pub fn detect(format: Option<Format>, color: ColorChoice, no_input: bool, verbose: u8) -> Ui {
        let stdout_tty = std::io::stdout().is_terminal();
        let stderr_tty = std::io::stderr().is_terminal();
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_tty && !dumb && !no_color,
        };
        Ui {
            stdout_tty,
            stderr_tty: stderr_tty && !dumb,
            stdin_tty: std::io::stdin().is_terminal(),
            color,
            no_input,
            verbose,
            format,
        }
    }

    /// The format asked for, else a table on a terminal and NDJSON in a pipe.
    pub fn format(&self) -> Format {
        self.format.unwrap_or(if self.stdout_tty {
            Format::Table
        } else {
            Format::Ndjson
        })
    }

    /// Prompts are allowed only with a person at both ends and without `--no-input`.
    pub fn can_prompt(&self) -> bool {
        !self.no_input && self.stdin_tty && self.stdout_tty
    }

    /// A progress bar on stderr when it is a terminal; hidden otherwise.
    pub fn progress(&self) -> ProgressBar {
        if !self.stderr_tty || self.verbose > 0 {
            return ProgressBar::hidden();
        }
        let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        pb.set_style(
            ProgressStyle::with_template("{spinner} {msg}: {pos}/{len} alerts ({elapsed})")
                .expect("valid template"),
        );
        pb.set_message("fetching");
        pb.enable_steady_tick(std::time::Duration::from_millis(120));
        pb
    }

    /// A message for people on stderr.
    pub fn info(&self, msg: impl AsRef<str>) {
        stderr_line(&format!("lwctl: {}", msg.as_ref()));
    }

    pub fn warn(&self, msg: impl AsRef<str>) {
        stderr_line(&format!("lwctl: warning: {}", msg.as_ref()));
    }
}

/// Writes one line to stderr. Unlike `eprintln!`, a closed stderr is not a panic.
pub fn stderr_line(line: &str) {
    use std::io::Write;
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(line.as_bytes());
    let _ = err.write_all(b"\n");
}

/// A table in lwctl's style: columns and one rule under the header, nothing else, so rows are
/// easy to read and to copy. Fitted to the terminal when its width is known; a terminal that
/// reports no width gets the table at its natural width instead of squeezed to nothing.
pub fn table() -> Table {
    let mut t = Table::new();
    t.load_preset("     ─             ")
        .set_content_arrangement(ContentArrangement::Dynamic);
    if t.width().is_none_or(|w| w < 40) {
        t.set_content_arrangement(ContentArrangement::Disabled);
    }
    t
}
