//! Finds the alert records in a stream of JSON, whatever its shape, in bounded memory.
//!
//! Shapes: NDJSON, a JSON array of alerts, an API page `{"paging": .., "data": [..]}`, a single
//! object, and any concatenation of these (what `curl` of several pages gives). The reader only
//! finds where each record starts and ends; the record's own parse (serde_json) validates it, so
//! the bytes are walked twice at most. A top-level object larger than [`RECORD_CAP`] is read as a
//! page key by key, so a 1 GB page streams like a 1 GB NDJSON file.

use std::io::{self, Read};

/// The largest single record held in memory at once.
pub const RECORD_CAP: usize = 4 << 20;
const CHUNK: usize = 256 << 10;
const BROKEN_LINE: &str =
    "unexpected end of line inside an object (NDJSON needs each alert on one line)";

/// A line and column, both from 1; the column counts bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Location {
    pub line: u64,
    pub column: u64,
}

/// What the reader found next.
#[derive(Debug)]
pub enum Item<'a> {
    /// One JSON value in record position (an array element, a page's `data` element, or a
    /// top-level object). `offset` is the absolute byte offset of its first byte. `line` says it
    /// was taken as a whole NDJSON line without a structural scan: if it does not parse, call
    /// [`RecordReader::rescan`] to have it read again structurally.
    Record {
        bytes: &'a [u8],
        offset: u64,
        line: bool,
    },
    /// The input is not well-formed here. The reader has skipped to the next line.
    Invalid { offset: u64, message: String },
}

/// The newlines in `bytes`. bytecount picks the widest vector compare the CPU has: memchr's
/// count stops at every match, and every line has one.
pub fn count_newlines(bytes: &[u8]) -> u64 {
    bytecount::count(bytes, b'\n') as u64
}

/// JSON's whitespace: what the reader skips between records.
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

#[derive(Debug, Clone, Copy)]
enum Ctx {
    /// Inside a top-level `[...]` of records.
    Array,
    /// Inside a large top-level object, looking for its `data` key.
    Page,
    /// Inside a page's `data: [...]`.
    PageData,
}

#[derive(Default)]
struct Scan {
    i: usize,
    depth: u32,
    in_str: bool,
}

enum Extent {
    End(usize),
    TooLarge,
    Unterminated,
}

pub struct RecordReader<R> {
    reader: R,
    /// Input read so far is `buf[..end]`; the rest is scratch space kept to avoid re-zeroing.
    buf: Vec<u8>,
    end: usize,
    pos: usize,
    eof: bool,
    /// Absolute offset of `buf[0]`, the newlines before it, and where its line starts.
    base_offset: u64,
    base_lines: u64,
    base_line_start: u64,
    stack: Vec<Ctx>,
    /// `Some(true)` once top-level records have all been one line each: a top-level record that
    /// then spans lines is a broken NDJSON line, reported on its own line.
    ndjson: Option<bool>,
    /// The last record taken as a whole line (its absolute offset and the `ndjson` before it).
    line_record: Option<(u64, Option<bool>)>,
    /// Read the top-level object at this absolute offset structurally, not as a line.
    structural_at: Option<u64>,
}

impl<R: Read> RecordReader<R> {
    pub fn new(reader: R) -> Self {
        RecordReader {
            reader,
            buf: Vec::new(),
            end: 0,
            pos: 0,
            eof: false,
            base_offset: 0,
            base_lines: 0,
            base_line_start: 0,
            stack: Vec::new(),
            ndjson: None,
            line_record: None,
            structural_at: None,
        }
    }

    /// Where the absolute byte `offset` is. `offset` must lie in the part of the input read since
    /// the last call to `next` (any byte of the last item qualifies).
    pub fn location(&self, offset: u64) -> Location {
        let rel = (offset.saturating_sub(self.base_offset) as usize).min(self.end);
        let head = &self.buf[..rel];
        let lines = count_newlines(head);
        let line_start = match memchr::memrchr(b'\n', head) {
            Some(i) => self.base_offset + i as u64 + 1,
            None => self.base_line_start,
        };
        Location {
            line: self.base_lines + lines + 1,
            column: offset - line_start + 1,
        }
    }

    /// Whole NDJSON lines ready to be read, for a caller that maps many records at once: from the
    /// current position to just after the last newline in the buffer, reading until there are
    /// `want` bytes or the input ends. Empty unless the input has been read as NDJSON so far and
    /// the reader is at top level. Nothing is consumed: [`RecordReader::consume`] takes the part
    /// the caller mapped, and [`RecordReader::next`] reads the rest one record at a time, exactly
    /// as if this had not been called. Returns the absolute offset of the bytes too.
    pub fn ndjson_run(&mut self, want: usize) -> io::Result<(u64, &[u8])> {
        if self.ndjson != Some(true) || !self.stack.is_empty() {
            return Ok((0, &[]));
        }
        self.compact();
        while self.end - self.pos < want && self.fill()? {}
        let run = &self.buf[self.pos..self.end];
        let len = memchr::memrchr(b'\n', run).map_or(0, |i| i + 1);
        Ok((self.base_offset + self.pos as u64, &run[..len]))
    }

    /// The absolute offset of the next byte to read.
    pub fn offset(&self) -> u64 {
        self.base_offset + self.pos as u64
    }

    /// Takes the first `len` bytes of the last [`RecordReader::ndjson_run`] as read.
    pub fn consume(&mut self, len: usize) {
        self.pos = (self.pos + len).min(self.end);
        self.line_record = None;
    }

    /// Reads the last record again with a structural scan: a line that did not parse may be a
    /// pretty-printed object's first line, or several objects on one line. `false` when the last
    /// record was not a line record.
    pub fn rescan(&mut self) -> bool {
        let Some((offset, ndjson)) = self.line_record.take() else {
            return false;
        };
        self.pos = (offset - self.base_offset) as usize;
        self.ndjson = ndjson;
        self.structural_at = Some(offset);
        true
    }

    /// The end of the line starting at `start` (its newline, or the end of input), reading more
    /// as needed; `None` when the line is longer than [`RECORD_CAP`].
    fn line_end(&mut self, start: usize) -> io::Result<Option<usize>> {
        let mut from = start;
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.buf[from..self.end]) {
                return Ok(Some(from + i));
            }
            if self.end - start > RECORD_CAP {
                return Ok(None);
            }
            from = self.end;
            if !self.fill()? {
                return Ok(Some(self.end));
            }
        }
    }

    /// Reads more input; `false` at end of input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        if self.buf.len() - self.end < CHUNK {
            // Exact growth: doubling would let one large record cost twice its size.
            self.buf.reserve_exact(self.end + CHUNK - self.buf.len());
            self.buf.resize(self.end + CHUNK, 0);
        }
        let n = loop {
            match self.reader.read(&mut self.buf[self.end..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        self.end += n;
        self.eof = n == 0;
        Ok(n > 0)
    }

    /// Drops consumed bytes so memory stays bounded. The unread rest moves to the front, so this
    /// waits until that rest is small beside what is dropped (or the dropped part is a whole
    /// chunk): compacting whenever half was read moved every byte of the input once more.
    fn compact(&mut self) {
        if self.pos < CHUNK && (self.end - self.pos) * 8 > self.pos {
            return;
        }
        let gone = &self.buf[..self.pos];
        self.base_lines += count_newlines(gone);
        if let Some(i) = memchr::memrchr(b'\n', gone) {
            self.base_line_start = self.base_offset + i as u64 + 1;
        }
        self.base_offset += self.pos as u64;
        self.buf.copy_within(self.pos..self.end, 0);
        self.end -= self.pos;
        self.pos = 0;
    }

    /// Skips whitespace; returns the next byte, or `None` at end of input.
    fn peek(&mut self) -> io::Result<Option<u8>> {
        loop {
            while self.pos < self.end {
                let b = self.buf[self.pos];
                if !is_space(b) {
                    return Ok(Some(b));
                }
                self.pos += 1;
            }
            // Skipped whitespace is dropped before reading more: a run of blank lines of any
            // length costs no memory.
            self.compact();
            if !self.fill()? {
                return Ok(None);
            }
        }
    }

    /// Finds the end of the JSON value starting at `start`, reading more input as needed.
    fn extent(&mut self, start: usize) -> io::Result<Extent> {
        let mut scan = Scan::default();
        loop {
            let data = &self.buf[start..self.end];
            let end = match data.first() {
                Some(b'{' | b'[') => scan_nested(data, &mut scan),
                Some(b'"') => scan_string(data, &mut scan),
                _ => scan_scalar(data, &mut scan, self.eof),
            };
            if let Some(end) = end {
                return Ok(Extent::End(start + end));
            }
            if data.len() > RECORD_CAP {
                return Ok(Extent::TooLarge);
            }
            if !self.fill()? {
                if matches!(self.buf[..self.end].get(start), Some(b'{' | b'[' | b'"')) {
                    return Ok(Extent::Unterminated);
                }
                // A scalar ends at end of input.
                continue;
            }
        }
    }

    /// Reports a structural error and skips to the start of the next line, back at top level.
    fn invalid(&mut self, at: usize, message: impl Into<String>) -> io::Result<Item<'_>> {
        let offset = self.base_offset + at as u64;
        self.stack.clear();
        self.pos = at;
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.buf[self.pos..self.end]) {
                self.pos += i + 1;
                break;
            }
            // The rest of a bad line is dropped as it is read: a garbage line of any length
            // costs no memory.
            self.pos = self.end;
            self.compact();
            if !self.fill()? {
                break;
            }
        }
        Ok(Item::Invalid {
            offset,
            message: message.into(),
        })
    }

    fn record(&mut self, start: usize, end: usize) -> Item<'_> {
        self.pos = end;
        Item::Record {
            bytes: &self.buf[start..end],
            offset: self.base_offset + start as u64,
            line: false,
        }
    }

    /// The next record or error, or `None` at the end of the input.
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> io::Result<Option<Item<'_>>> {
        self.compact();
        self.line_record = None;
        loop {
            let Some(b) = self.peek()? else {
                if !self.stack.is_empty() {
                    self.stack.clear();
                    let at = self.pos;
                    return Ok(Some(Item::Invalid {
                        offset: self.base_offset + at as u64,
                        message: "unexpected end of input: an array or object is not closed".into(),
                    }));
                }
                return Ok(None);
            };
            let start = self.pos;
            match self.stack.last().copied() {
                None => {
                    match b {
                        b'[' => {
                            self.pos += 1;
                            self.stack.push(Ctx::Array);
                        }
                        // The fast path for NDJSON: a line that ends in '}' is taken whole and
                        // validated by the record's own parse, which scans it anyway.
                        b'{' if self.ndjson != Some(false)
                            && self.structural_at != Some(self.base_offset + start as u64) =>
                        {
                            let offset = self.base_offset + start as u64;
                            if let Some(end) = self.line_end(start)? {
                                let line = self.buf[start..end].trim_ascii_end();
                                if line.ends_with(b"}") {
                                    let len = line.len();
                                    self.line_record = Some((offset, self.ndjson));
                                    self.ndjson.get_or_insert(true);
                                    self.pos = end;
                                    return Ok(Some(Item::Record {
                                        bytes: &self.buf[start..start + len],
                                        offset,
                                        line: true,
                                    }));
                                }
                            }
                            self.structural_at = Some(offset);
                        }
                        b'{' => match self.extent(start)? {
                            Extent::End(end) => {
                                let newline = memchr::memchr(b'\n', &self.buf[start..end]);
                                match (newline, self.ndjson) {
                                    (None, None) => self.ndjson = Some(true),
                                    (Some(_), None) => self.ndjson = Some(false),
                                    (Some(nl), Some(true)) => {
                                        return self.invalid(start + nl, BROKEN_LINE).map(Some)
                                    }
                                    _ => {}
                                }
                                return Ok(Some(self.record(start, end)));
                            }
                            // A broken NDJSON line is reported on its own line, and the next
                            // line is read afresh.
                            _ if self.ndjson == Some(true)
                                && memchr::memchr(b'\n', &self.buf[start..self.end]).is_some() =>
                            {
                                let nl =
                                    memchr::memchr(b'\n', &self.buf[start..self.end]).unwrap_or(0);
                                return self.invalid(start + nl, BROKEN_LINE).map(Some);
                            }
                            Extent::TooLarge => {
                                self.pos += 1;
                                self.stack.push(Ctx::Page);
                            }
                            Extent::Unterminated => {
                                return self
                                    .invalid(start, "unexpected end of input inside an object")
                                    .map(Some)
                            }
                        },
                        _ => return self
                            .invalid(
                                start,
                                "expected an alert object ({...}) or an array of alerts ([...])",
                            )
                            .map(Some),
                    }
                }
                Some(ctx @ (Ctx::Array | Ctx::PageData)) => match b {
                    b']' => {
                        self.pos += 1;
                        self.stack.pop();
                    }
                    b',' => self.pos += 1,
                    b'}' => {
                        return self
                            .invalid(start, "expected a value or ']' in an array, found '}'")
                            .map(Some)
                    }
                    _ => match self.extent(start)? {
                        Extent::End(end) => return Ok(Some(self.record(start, end))),
                        Extent::TooLarge => {
                            let what = if matches!(ctx, Ctx::Array) {
                                "array"
                            } else {
                                "page"
                            };
                            return self
                                .invalid(
                                    start,
                                    format!("an element of this {what} is larger than 4 MiB"),
                                )
                                .map(Some);
                        }
                        Extent::Unterminated => {
                            return self
                                .invalid(start, "unexpected end of input inside an array")
                                .map(Some)
                        }
                    },
                },
                Some(Ctx::Page) => match b {
                    b'}' => {
                        self.pos += 1;
                        self.stack.pop();
                    }
                    b',' => self.pos += 1,
                    b'"' => {
                        let Extent::End(key_end) = self.extent(start)? else {
                            return self.invalid(start, "unterminated key in object").map(Some);
                        };
                        let is_data = &self.buf[start..key_end] == b"\"data\"";
                        self.pos = key_end;
                        if self.peek()? != Some(b':') {
                            let at = self.pos;
                            return self
                                .invalid(at, "expected ':' after an object key")
                                .map(Some);
                        }
                        self.pos += 1;
                        let value = self.peek()?;
                        let vstart = self.pos;
                        if is_data && value == Some(b'[') {
                            self.pos += 1;
                            self.stack.push(Ctx::PageData);
                        } else {
                            match self.extent(vstart)? {
                                Extent::End(end) => self.pos = end,
                                _ => {
                                    return self
                                        .invalid(
                                            start,
                                            "an object larger than 4 MiB that is not an API \
                                             page with a \"data\" array",
                                        )
                                        .map(Some)
                                }
                            }
                        }
                    }
                    _ => {
                        return self
                            .invalid(start, "expected a key or '}' in an object")
                            .map(Some)
                    }
                },
            }
        }
    }
}

fn scan_nested(data: &[u8], st: &mut Scan) -> Option<usize> {
    let mut i = st.i;
    while i < data.len() {
        if st.in_str {
            match memchr::memchr2(b'"', b'\\', &data[i..]) {
                None => {
                    i = data.len();
                    break;
                }
                Some(j) => {
                    i += j;
                    if data[i] == b'\\' {
                        i += 2;
                    } else {
                        st.in_str = false;
                        i += 1;
                    }
                    continue;
                }
            }
        }
        match data[i] {
            b'"' => st.in_str = true,
            b'{' | b'[' => st.depth += 1,
            b'}' | b']' => {
                st.depth -= 1;
                if st.depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    st.i = i;
    None
}

fn scan_string(data: &[u8], st: &mut Scan) -> Option<usize> {
    let mut i = st.i.max(1);
    while i < data.len() {
        match memchr::memchr2(b'"', b'\\', &data[i..]) {
            None => i = data.len(),
            Some(j) if data[i + j] == b'\\' => i += j + 2,
            Some(j) => return Some(i + j + 1),
        }
    }
    st.i = i;
    None
}

fn scan_scalar(data: &[u8], st: &mut Scan, eof: bool) -> Option<usize> {
    let i = st.i;
    match data[i..]
        .iter()
        .position(|b| matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r'))
    {
        Some(j) => Some((i + j).max(1)),
        None if eof && !data.is_empty() => Some(data.len()),
        None => {
            st.i = data.len();
            None
        }
    }
}

pub fn write_str(out: &mut Vec<u8>, s: &str) {
    // Writing a &str into a Vec cannot fail.
    serde_json::to_writer(&mut *out, s).expect("write to Vec");
}

/// [`write_compact`] to any writer.
pub fn write_compact_to(w: &mut impl std::io::Write, json: &[u8]) -> std::io::Result<()> {
    let json = json.trim_ascii();
    if memchr::memchr2(b'\n', b'\r', json).is_none() {
        return w.write_all(json);
    }
    let mut buf = Vec::with_capacity(json.len());
    write_compact(&mut buf, json);
    w.write_all(&buf)
}

/// Appends JSON text, dropping whitespace between tokens when it holds a line break so the event
/// stays one line; everything else (strings, escapes, numbers, key order) is copied byte for byte.
pub fn write_compact(out: &mut Vec<u8>, json: &[u8]) {
    let json = json.trim_ascii();
    if memchr::memchr2(b'\n', b'\r', json).is_none() {
        out.extend_from_slice(json);
        return;
    }
    let mut in_string = false;
    let mut escaped = false;
    for &b in json {
        if in_string {
            out.push(b);
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
        } else if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
            in_string = b == b'"';
            out.push(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads everything with a reader that hands out a few bytes at a time, to cross every
    /// buffer boundary.
    fn items(input: &str) -> Vec<Result<String, (Location, String)>> {
        struct Trickle<'a>(&'a [u8]);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(buf.len()).min(3);
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut r = RecordReader::new(Trickle(input.as_bytes()));
        let mut out = Vec::new();
        loop {
            let (res, off) = match r.next().unwrap() {
                None => break,
                Some(Item::Record { bytes, line, .. }) => {
                    let text = String::from_utf8(bytes.to_vec()).unwrap();
                    // A line that is not one whole value is read again, as normalize does.
                    if line && serde_json::from_str::<serde::de::IgnoredAny>(&text).is_err() {
                        assert!(r.rescan());
                        continue;
                    }
                    (Ok(text), None)
                }
                Some(Item::Invalid { offset, message }) => (Err(message), Some(offset)),
            };
            out.push(res.map_err(|m| (r.location(off.unwrap()), m)));
        }
        out
    }

    fn ok(v: &[&str]) -> Vec<Result<String, (Location, String)>> {
        v.iter().map(|s| Ok(s.to_string())).collect()
    }

    #[test]
    fn every_shape() {
        assert_eq!(
            items("{\"a\":1}\n\n{\"b\":\"}\\\"\"}\n"),
            ok(&["{\"a\":1}", "{\"b\":\"}\\\"\"}"])
        );
        assert_eq!(
            items("[{\"a\":1},\n {\"b\":[2]}]"),
            ok(&["{\"a\":1}", "{\"b\":[2]}"])
        );
        assert_eq!(
            items("{\"data\":[{\"a\":1}]}"),
            ok(&["{\"data\":[{\"a\":1}]}"])
        );
        assert_eq!(items("{\"a\":1}{\"b\":2}"), ok(&["{\"a\":1}", "{\"b\":2}"]));
        assert_eq!(items("[1, \"x\", null]"), ok(&["1", "\"x\"", "null"]));
        assert_eq!(items("  \n"), ok(&[]));
        // A pretty object whose first line happens to end in '}' is read structurally.
        assert_eq!(
            items("{\"x\": {}\n, \"y\": 1}\n"),
            ok(&["{\"x\": {}\n, \"y\": 1}"])
        );
    }

    #[test]
    fn broken_ndjson_line_is_reported_on_its_line() {
        let got = items("{\"a\":1}\n{\"a\":2\n{\"a\":3}\n");
        assert_eq!(got[0], Ok("{\"a\":1}".into()));
        let (loc, msg) = got[1].clone().unwrap_err();
        assert_eq!(loc, Location { line: 2, column: 7 });
        assert!(msg.contains("one line"));
        assert_eq!(got[2], Ok("{\"a\":3}".into()));
    }

    #[test]
    fn garbage_and_truncation() {
        let got = items("{\"a\":1}\nnot json\n{\"a\":2}");
        let (loc, _) = got[1].clone().unwrap_err();
        assert_eq!(loc, Location { line: 2, column: 1 });
        assert_eq!(got[2], Ok("{\"a\":2}".into()));
        let got = items("[{\"a\":1}, {\"a\":");
        assert_eq!(got[0], Ok("{\"a\":1}".into()));
        assert!(got[1].clone().unwrap_err().1.contains("end of input"));
    }

    #[test]
    fn large_page_streams_key_by_key() {
        let alert = format!("{{\"alertId\":1,\"pad\":\"{}\"}}", "x".repeat(1000));
        let n = RECORD_CAP / 1000 * 2;
        let page = format!(
            "{{\"paging\":{{\"rows\":{n}}},\"data\":[{}],\"tail\":{{}}}}\n{{\"b\":1}}",
            vec![alert.as_str(); n].join(",")
        );
        let mut r = RecordReader::new(page.as_bytes());
        let mut count = 0;
        let mut last = String::new();
        while let Some(item) = r.next().unwrap() {
            match item {
                Item::Record { bytes, .. } => {
                    count += 1;
                    last = String::from_utf8(bytes.to_vec()).unwrap();
                }
                Item::Invalid { message, .. } => panic!("{message}"),
            }
        }
        assert_eq!(count, n + 1);
        assert_eq!(last, "{\"b\":1}");
        assert!(r.buf.capacity() < RECORD_CAP * 3);
    }
}
