//! `lwctl normalize`: alerts in any shape on stdin or in files, normalized events out.

use super::Ctx;
use crate::cli::NormalizeArgs;
use crate::config::{parse_subaccount, Account};
use crate::error::{DataError, UsageError};
use crate::jsonstream::{Item, RecordReader};
use crate::normalize::{self, Normalizer, Options, Record};
use crate::output::Format;
use crate::printer::StreamPrinter;
use anyhow::{Context, Result};
use serde_json::value::RawValue;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;

/// Output is handed to stdout in blocks this large: whole lines only.
const BLOCK: usize = 256 << 10;

/// Records skipped with `--skip-invalid`.
#[derive(Default)]
pub(crate) struct Skipped {
    pub(crate) count: u64,
    pub(crate) first: Vec<String>,
}

pub fn run(ctx: &Ctx, args: NormalizeArgs) -> Result<()> {
    let options = Options {
        schema: args.schema,
        ladder: args.severity_ladder,
        account: ctx
            .global
            .account
            .as_deref()
            .map(Account::parse)
            .transpose()?
            .map(|a| a.name),
        subaccount: ctx
            .global
            .subaccount
            .as_deref()
            .map(parse_subaccount)
            .transpose()?,
    };
    let mut normalizer = Normalizer::new(options);
    let mut out = Vec::with_capacity(BLOCK + (64 << 10));
    // NDJSON is the default even on a terminal: events are this command's product.
    let mut stdout = StreamPrinter::new(
        super::alerts::stream_format(ctx, args.schema, Format::Ndjson)?,
        true,
        io::stdout().lock(),
        &ctx.ui,
        false,
    );
    let mut skipped = Skipped::default();
    let files = if args.files.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.files
    };
    if ctx.ui.stdin_tty && files.iter().any(|f| f.as_os_str() == "-") {
        ctx.ui.info(
            "reading alerts from the terminal; end with Ctrl-D, or name a file: lwctl normalize FILE",
        );
    }
    let mut result = Ok(());
    for path in &files {
        let (name, reader): (String, Box<dyn Read>) = if path.as_os_str() == "-" {
            ("<stdin>".into(), Box::new(io::stdin().lock()))
        } else {
            let file = File::open(path)
                .map_err(|e| UsageError::new(format!("cannot read {}: {e}", path.display())))?;
            (path.display().to_string(), Box::new(file))
        };
        // A UTF-8 byte order mark (some Windows tools write one) is not part of the JSON.
        let mut reader = io::BufReader::with_capacity(64 << 10, reader);
        if io::BufRead::fill_buf(&mut reader)?.starts_with(b"\xef\xbb\xbf") {
            io::BufRead::consume(&mut reader, 3);
        }
        result = normalize_stream(
            &name,
            reader,
            &mut normalizer,
            &mut out,
            &mut stdout,
            args.skip_invalid.then_some(&mut skipped),
        );
        if result.is_err() {
            break;
        }
    }
    // Events mapped before a bad record stay written, as whole lines.
    stdout.write_all(&out)?;
    stdout.finish()?;
    if let Some(w) = normalizer.unknown.warning(normalizer.options.schema) {
        ctx.ui.warn(w);
    }
    if skipped.count > 0 {
        ctx.ui.warn(format!(
            "skipped {} invalid record(s) (--skip-invalid); the first:\n  {}",
            skipped.count,
            skipped.first.join("\n  ")
        ));
    }
    result
}

pub(crate) fn normalize_stream(
    name: &str,
    reader: impl Read,
    normalizer: &mut Normalizer,
    out: &mut Vec<u8>,
    stdout: &mut impl Write,
    mut skipped: Option<&mut Skipped>,
) -> Result<()> {
    let mut records = RecordReader::new(reader);
    let mut problems: Vec<(u64, String)> = Vec::new();
    loop {
        let item = records
            .next()
            .with_context(|| format!("cannot read {name}"))?;
        match item {
            None => return Ok(()),
            Some(Item::Invalid { offset, message }) => problems.push((offset, message)),
            Some(Item::Record {
                bytes,
                offset,
                line,
            }) => {
                let taken = push_record(
                    normalizer,
                    bytes,
                    offset,
                    line,
                    out,
                    &mut problems,
                    skipped.is_none(),
                );
                if !taken && records.rescan() {
                    continue;
                }
            }
        }
        for (offset, message) in problems.drain(..) {
            let at = records.location(offset);
            let place = format!("{name}:{}:{}", at.line, at.column);
            match skipped.as_deref_mut() {
                Some(s) => {
                    s.count += 1;
                    if s.first.len() < 5 {
                        s.first.push(format!("{place}: {message}"));
                    }
                }
                None => return Err(DataError(format!("{place}: {message}")).into()),
            }
        }
        if out.len() >= BLOCK {
            stdout.write_all(out)?;
            out.clear();
        }
    }
}

/// Maps one record (an alert, a normalized event, or a whole page) into `out`. Problems are
/// noted with their absolute offsets; with `stop_early` the first one ends the record. A whole
/// NDJSON `line` that does not parse is not taken (`false`): the reader reads it again.
fn push_record(
    normalizer: &mut Normalizer,
    bytes: &[u8],
    offset: u64,
    line: bool,
    out: &mut Vec<u8>,
    problems: &mut Vec<(u64, String)>,
    stop_early: bool,
) -> bool {
    let at = |ptr: &[u8], rel: usize| {
        offset + (ptr.as_ptr() as usize - bytes.as_ptr() as usize + rel) as u64
    };
    match normalize::parse_record(bytes) {
        Err(_) if line => return false,
        Err(e) => problems.push((offset + e.offset as u64, e.message)),
        Ok(Record::Alert(alert)) => {
            if let Err(e) = normalizer.push_alert(&alert, bytes, out) {
                problems.push((offset + e.offset as u64, e.message));
            }
        }
        Ok(Record::Envelope(data)) => {
            let data_bytes = data.get().as_bytes();
            let parsed = if data.get().starts_with('{') {
                Ok(vec![data])
            } else {
                serde_json::from_str(data.get())
            };
            let elements: Vec<&RawValue> = match parsed {
                Ok(v) => v,
                Err(e) => {
                    let rel = normalize::offset_of(data_bytes, e.line(), e.column());
                    problems.push((at(data_bytes, rel), format!("invalid page data: {e}")));
                    return true;
                }
            };
            for element in elements {
                let el = element.get().as_bytes();
                let result = match normalize::parse_record(el) {
                    Ok(Record::Alert(alert)) => normalizer.push_alert(&alert, el, out),
                    Ok(Record::Envelope(_)) => Err(normalize::RecordError {
                        offset: 0,
                        message: "a page inside a page's data".into(),
                    }),
                    Err(e) => Err(e),
                };
                if let Err(e) = result {
                    problems.push((at(el, e.offset), e.message));
                    if stop_early {
                        return true;
                    }
                }
            }
        }
    }
    true
}
