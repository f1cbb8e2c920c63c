//! `lwctl normalize`: alerts in any shape on stdin or in files, normalized events out.

use super::Ctx;
use crate::cli::NormalizeArgs;
use crate::config::{parse_subaccount, Account};
use crate::error::{DataError, Interrupted, UsageError};
use crate::jsonstream::{Item, RecordReader};
use crate::normalize::{self, Normalizer, Options, Record, UnknownSeverities};
use crate::output::Format;
use crate::printer::StreamPrinter;
use anyhow::{Context, Result};
use serde_json::value::RawValue;
use std::fs::File;
use std::io::{self, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};

/// Output is handed to stdout in blocks this large: whole lines only.
const BLOCK: usize = 256 << 10;

/// NDJSON handed to each thread at a time, and the least worth a thread of its own.
const SHARE: usize = 512 << 10;
const MIN_SHARE: usize = if cfg!(test) { 64 } else { 64 << 10 };

/// How a stream is mapped: on how many threads, and the flag (raised by SIGINT or SIGTERM) that
/// ends it between records.
#[derive(Clone, Copy)]
pub(crate) struct Mapping<'a> {
    pub(crate) threads: usize,
    pub(crate) stop: &'a AtomicBool,
}

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
        update: None,
    };
    let mut normalizer = Normalizer::new(options);
    let mut out = Vec::with_capacity(BLOCK + (64 << 10));
    // NDJSON is the default even on a terminal: events are this command's product.
    let format = crate::pull::stream_format(ctx, args.schema, Format::Ndjson)?;
    let mut stdout = StreamPrinter::new(
        format,
        true,
        crate::stdout::Stdout::new(crate::printer::framing(format)),
        &ctx.ui,
        false,
    );
    let mut skipped = Skipped::default();
    // SIGINT or SIGTERM ends the run between records, with whole lines written.
    let stop = crate::signals::stop_on_signals(130)?;
    let threads = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    );
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
            if file.metadata().is_ok_and(|m| m.is_dir()) {
                return Err(UsageError::new(format!(
                    "{} is a directory, not a file of alerts",
                    path.display()
                ))
                .hint("name the files in it, as in: lwctl normalize DIR/*.json")
                .into());
            }
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
            Mapping {
                threads,
                stop: &stop,
            },
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

/// Maps every record of `reader` into `out`, handing full blocks to `stdout`. With `threads`
/// above 1, runs of NDJSON lines are mapped by that many threads at once; a line any thread
/// cannot map cleanly (a problem, or a line to be read again structurally) is left to the one
/// record at a time path below, so the output and every message are the same either way.
pub(crate) fn normalize_stream(
    name: &str,
    reader: impl Read,
    normalizer: &mut Normalizer,
    out: &mut Vec<u8>,
    stdout: &mut impl Write,
    mut skipped: Option<&mut Skipped>,
    how: Mapping,
) -> Result<()> {
    let Mapping { threads, stop } = how;
    let mut records = RecordReader::new(reader);
    let mut problems: Vec<(u64, String)> = Vec::new();
    // More than 16 threads buys little, and each holds a share of input and its events.
    let mut workers: Vec<Worker> = (0..threads.min(16))
        .map(|_| Worker {
            normalizer: Normalizer {
                options: normalizer.options.clone(),
                unknown: UnknownSeverities::logged(),
            },
            out: Vec::new(),
        })
        .collect();
    // After a run the threads gave back part of, its rest is read one record at a time: a
    // file of many bad lines costs each byte twice at most, not once per bad line.
    let mut resume_at = 0;
    loop {
        if stop.load(Ordering::SeqCst) {
            return Err(Interrupted.into());
        }
        if workers.len() > 1 && records.offset() >= resume_at {
            // A read that fails here is left to the path below, which meets it again after
            // the records before it, as one thread would.
            let Ok((at, run)) = records.ndjson_run(workers.len() * SHARE) else {
                resume_at = u64::MAX;
                continue;
            };
            let len = run.len();
            if len > 0 {
                let taken = map_parallel(run, &mut workers, normalizer, out, stdout)?;
                if taken < len {
                    resume_at = at + len as u64;
                }
                if taken > 0 {
                    records.consume(taken);
                    continue;
                }
            }
        }
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

/// For tests: maps all of `reader` into `sink`, the last block included, on `threads`, with no
/// signal to stop it.
#[cfg(test)]
pub(crate) fn map_all(
    reader: impl Read,
    normalizer: &mut Normalizer,
    sink: &mut impl Write,
    skipped: Option<&mut Skipped>,
    threads: usize,
) -> Result<()> {
    let mut out = Vec::new();
    let stop = AtomicBool::new(false);
    let how = Mapping {
        threads,
        stop: &stop,
    };
    let result = normalize_stream("t", reader, normalizer, &mut out, sink, skipped, how);
    sink.write_all(&out)?;
    result
}

/// A thread's own normalizer (its unknown severities logged, to be replayed in input order) and
/// output.
struct Worker {
    normalizer: Normalizer,
    out: Vec<u8>,
}

/// Maps `run` (whole NDJSON lines) on the workers' threads, a share each, and writes the events
/// in input order. Returns how many bytes of `run` were mapped: all of it, or up to the first
/// line a thread gave back.
fn map_parallel(
    run: &[u8],
    workers: &mut [Worker],
    normalizer: &mut Normalizer,
    out: &mut Vec<u8>,
    stdout: &mut impl Write,
) -> Result<usize> {
    let n = workers.len().min(run.len() / MIN_SHARE + 1);
    let mut shares = Vec::with_capacity(n);
    let mut rest = run;
    for k in (1..=n).rev() {
        let cut = match k {
            1 => rest.len(),
            _ => memchr::memchr(b'\n', &rest[rest.len() / k..])
                .map_or(rest.len(), |i| rest.len() / k + i + 1),
        };
        let (share, tail) = rest.split_at(cut);
        shares.push(share);
        rest = tail;
    }
    let mapped: Vec<usize> = std::thread::scope(|scope| {
        let mut jobs = workers.iter_mut().zip(shares.iter().copied());
        let (first, first_share) = jobs.next().expect("one share at least");
        let handles: Vec<_> = jobs
            .map(|(w, share)| scope.spawn(move || map_lines(w, share)))
            .collect();
        let mut mapped = vec![map_lines(first, first_share)];
        mapped.extend(
            handles
                .into_iter()
                .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))),
        );
        mapped
    });
    stdout.write_all(out)?;
    out.clear();
    let mut total = 0;
    let mut whole = true;
    for ((w, share), done) in workers.iter_mut().zip(shares).zip(mapped) {
        if whole {
            stdout.write_all(&w.out)?;
            normalizer.unknown.replay(&mut w.normalizer.unknown);
            total += done;
            whole = done == share.len();
        }
        w.out.clear();
        w.normalizer.unknown.truncate_log(0);
    }
    Ok(total)
}

/// Maps the lines of `share` while each is an alert (or page) on one line that maps without a
/// problem, as the one record at a time path would take it; returns the bytes mapped.
fn map_lines(worker: &mut Worker, share: &[u8]) -> usize {
    let mut done = 0;
    let mut problems = Vec::new();
    // memchr, not a byte loop: finding the newlines is the reader's whole job.
    let ends = memchr::memchr_iter(b'\n', share);
    for (start, end) in std::iter::once(0)
        .chain(ends.clone().map(|i| i + 1))
        .zip(ends)
    {
        let line = &share[start..=end];
        // What the reader skips between records; a blank line is taken as it is.
        let Some(start) = line.iter().position(|&b| !crate::jsonstream::is_space(b)) else {
            done += line.len();
            continue;
        };
        let record = line[start..].trim_ascii_end();
        if record.first() != Some(&b'{')
            || record.last() != Some(&b'}')
            || record.len() > crate::jsonstream::RECORD_CAP
        {
            break;
        }
        let (mark, logged) = (worker.out.len(), worker.normalizer.unknown.logged_len());
        let taken = push_record(
            &mut worker.normalizer,
            record,
            0,
            true,
            &mut worker.out,
            &mut problems,
            true,
        );
        if !taken || !problems.is_empty() {
            worker.out.truncate(mark);
            worker.normalizer.unknown.truncate_log(logged);
            break;
        }
        done += line.len();
    }
    done
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts the writes it is handed.
    #[derive(Default)]
    struct Writes(usize, Vec<u8>);

    impl Write for Writes {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0 += 1;
            self.1.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Some bytes, then a read error.
    struct Failing<'a>(&'a [u8]);

    impl Read for Failing<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("disk on fire"));
            }
            let n = buf.len().min(self.0.len()).min(100 << 10);
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_read_error_comes_after_the_events_before_it_with_threads_too() {
        let input: String = (0..3_000)
            .map(|i| format!("{{\"alertId\":{i},\"severity\":\"High\"}}\n"))
            .collect();
        let run = |threads| {
            let mut sink = Vec::new();
            let result = map_all(
                Failing(input.as_bytes()),
                &mut Normalizer::default(),
                &mut sink,
                None,
                threads,
            );
            (sink, format!("{:#}", result.unwrap_err()))
        };
        let (events, error) = run(1);
        assert_eq!(crate::jsonstream::count_newlines(&events), 3_000);
        assert_eq!(error, "cannot read t: disk on fire");
        assert!(run(3) == (events, error));
    }

    #[test]
    fn events_are_handed_on_in_blocks_whatever_the_shape_and_threads() {
        let alert = |i| format!("{{\"alertId\":{i},\"severity\":\"High\"}}");
        let ndjson: String = (0..2_000).map(|i| alert(i) + "\n").collect();
        let array = format!(
            "[{}]",
            (0..2_000).map(alert).collect::<Vec<_>>().join(",\n")
        );
        for input in [ndjson, array] {
            for threads in [1, 3] {
                let mut sink = Writes::default();
                map_all(
                    input.as_bytes(),
                    &mut Normalizer::default(),
                    &mut sink,
                    None,
                    threads,
                )
                .unwrap();
                assert_eq!(crate::jsonstream::count_newlines(&sink.1), 2_000);
                // 2,000 events of about 280 bytes: a few blocks, not a write per event.
                assert!(sink.0 <= 12, "{} writes with {threads} threads", sink.0);
            }
        }
    }
}
