//! The one printer for streams of alerts or normalized events, shared by `alerts list`,
//! `alerts poll` (to stdout) and `normalize`. Records come in as compact one-line JSON; each
//! format means the same everywhere:
//! - `ndjson`: each record as it came, one a line (bytes passed straight through);
//! - `json`: one array, closed by [`StreamPrinter::finish`] even when the run fails midway;
//! - `csv`: a header, then a row a record;
//! - `table`: for people, newest first (`--reverse` for oldest first), fitted to the terminal.

use crate::output::{csv_line, Format, Ui};
use crate::table::{Kind, Table};
use serde_json::Value;
use std::io::{self, Write};
use std::sync::Mutex;

/// A table holds at most this many rows for sorting; past it, it is printed as it stands and
/// a new one starts, with a warning. Larger results want `-o ndjson`.
pub const MAX_TABLE_ROWS: usize = 10_000;

const RAW_COLUMNS: [&str; 10] = [
    "alertId",
    "startTime",
    "endTime",
    "severity",
    "status",
    "alertType",
    "alertName",
    "subject",
    "description",
    "policyId",
];

const EVENT_COLUMNS: [&str; 12] = [
    "external_id",
    "created_at",
    "severity",
    "status",
    "event_type",
    "title",
    "description",
    "rule_name",
    "category",
    "source",
    "account",
    "subaccount",
];

/// What stdout still owes to stay a valid document if the process must end now (a JSON array's
/// close); written by [`write_closing`] when a signal's grace runs out.
static CLOSING: Mutex<&'static [u8]> = Mutex::new(b"");

fn owe(bytes: &'static [u8]) {
    *CLOSING.lock().unwrap_or_else(|e| e.into_inner()) = bytes;
}

/// What stdout owes now (see [`crate::stdout::close_and_exit`]).
pub fn owed() -> &'static [u8] {
    *CLOSING.lock().unwrap_or_else(|e| e.into_inner())
}

/// How records of `format` are framed on stdout.
pub fn framing(format: Format) -> crate::stdout::Framing {
    match format {
        Format::Json => crate::stdout::Framing::Writes,
        _ => crate::stdout::Framing::Lines,
    }
}

pub struct StreamPrinter<W: Write> {
    format: Format,
    normalized: bool,
    out: W,
    written: u64,
    csv_header: bool,
    rows: Vec<(i64, Vec<String>)>,
    /// Bytes of a record not yet ended by a newline (through the `Write` impl).
    pending: Vec<u8>,
    /// A record as it is written.
    scratch: Vec<u8>,
    width: Option<usize>,
    color: bool,
    reverse: bool,
    /// Whether the table cap was reached (and said so).
    split: bool,
    /// Events of many accounts: tables get an Account column.
    accounts: bool,
}

impl<W: Write> StreamPrinter<W> {
    pub fn new(format: Format, normalized: bool, out: W, ui: &Ui, reverse: bool) -> Self {
        if format == Format::Json {
            owe(b"[]\n");
        }
        StreamPrinter {
            format,
            normalized,
            out,
            written: 0,
            csv_header: false,
            rows: Vec::new(),
            pending: Vec::new(),
            scratch: Vec::new(),
            width: ui.width,
            color: ui.color,
            reverse,
            split: false,
            accounts: false,
        }
    }

    /// Events come from many accounts: a table names each one's (its `subaccount`).
    pub fn with_accounts(mut self, many: bool) -> Self {
        self.accounts = many && self.normalized;
        self
    }

    /// How many records were printed.
    pub fn written(&self) -> u64 {
        self.written
    }

    /// One record: a compact JSON object on one line, without its newline.
    pub fn record(&mut self, json: &[u8]) -> io::Result<()> {
        match self.format {
            // One write a record: stdout cuts only at the end of one (see crate::stdout).
            Format::Ndjson => {
                self.scratch.clear();
                self.scratch.extend_from_slice(json);
                self.scratch.push(b'\n');
                self.out.write_all(&self.scratch)?;
            }
            Format::Json => {
                self.scratch.clear();
                self.scratch
                    .extend_from_slice(if self.written == 0 { b"[\n" } else { b",\n" });
                self.scratch.extend_from_slice(json);
                self.out.write_all(&self.scratch)?;
                if self.written == 0 {
                    owe(b"\n]\n");
                }
            }
            Format::Csv => {
                let v = parse(json)?;
                self.header()?;
                let columns: &[&str] = if self.normalized {
                    &EVENT_COLUMNS
                } else {
                    &RAW_COLUMNS
                };
                let cells: Vec<String> = columns.iter().map(|c| cell(field(&v, c))).collect();
                self.out.write_all(&csv_line(&cells)?)?;
            }
            Format::Table => {
                let v = parse(json)?;
                let (time, cells) = if self.normalized {
                    (
                        &v["created_at"],
                        ["external_id", "severity", "status", "event_type", "title"]
                            .map(|c| cell(&v[c])),
                    )
                } else {
                    let name = match (&v["alertName"], &v["alertInfo"]["subject"]) {
                        (Value::String(n), _) if !n.is_empty() => cell(&v["alertName"]),
                        (_, s) => cell(s),
                    };
                    (
                        &v["startTime"],
                        [
                            cell(&v["alertId"]),
                            cell(&v["severity"]),
                            cell(&v["status"]),
                            cell(&v["alertType"]),
                            name,
                        ],
                    )
                };
                let at = time.as_str().and_then(crate::time::parse_api_time);
                let mut row: Vec<String> = cells.into();
                if self.accounts {
                    row.insert(1, cell(&v["subaccount"]));
                }
                row.push(at.map_or_else(|| cell(time), crate::time::table_time));
                self.rows
                    .push((at.map_or(i64::MIN, |t| t.timestamp_millis()), row));
                if self.rows.len() >= MAX_TABLE_ROWS {
                    if !self.split {
                        self.split = true;
                        crate::output::warning(&format!(
                            "more than {MAX_TABLE_ROWS} alerts: the table is printed in sorted blocks of {MAX_TABLE_ROWS}; -o ndjson or -o csv suit large results"
                        ));
                    }
                    self.table()?;
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the output as its format needs: closes the JSON array, prints the CSV header of an
    /// empty result, prints the table. Call it on failure too.
    pub fn finish(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let rest = std::mem::take(&mut self.pending);
            self.record(&rest)?;
        }
        match self.format {
            Format::Json => {
                self.out
                    .write_all(if self.written == 0 { b"[]\n" } else { b"\n]\n" })?;
                owe(b"");
            }
            Format::Csv => self.header()?,
            Format::Table => self.table()?,
            Format::Ndjson => {}
        }
        self.out.flush()
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.csv_header {
            let header: &[&str] = if self.normalized {
                &EVENT_COLUMNS
            } else {
                &RAW_COLUMNS
            };
            self.out.write_all(&csv_line(header)?)?;
            self.csv_header = true;
        }
        Ok(())
    }

    fn table(&mut self) -> io::Result<()> {
        if self.rows.is_empty() {
            return Ok(());
        }
        // Newest first, as people read alert lists; ties keep the order they came in.
        self.rows.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        if self.reverse {
            self.rows.reverse();
        }
        let (name, time) = if self.normalized {
            ("Title", "Created")
        } else {
            ("Name", "Start")
        };
        let mut columns = vec![
            ("ID", Kind::Fixed),
            ("Severity", Kind::Severity),
            ("Status", Kind::Fixed),
            ("Type", Kind::Text),
            (name, Kind::Text),
            (time, Kind::Fixed),
        ];
        if self.accounts {
            columns.insert(1, ("Account", Kind::Fixed));
        }
        let mut t = Table::new(&columns);
        for (_, row) in self.rows.drain(..) {
            t.push(row);
        }
        crate::output::show_table(&t.render(self.width, self.color), &mut self.out)
    }
}

/// Lines written to the printer are records: `ndjson` passes the bytes straight through.
impl<W: Write> Write for StreamPrinter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.format == Format::Ndjson {
            self.written += crate::jsonstream::count_newlines(buf);
            self.out.write_all(buf)?;
            return Ok(buf.len());
        }
        let mut rest = buf;
        while let Some(i) = memchr::memchr(b'\n', rest) {
            if self.pending.is_empty() {
                self.record(&rest[..i])?;
            } else {
                self.pending.extend_from_slice(&rest[..i]);
                let line = std::mem::take(&mut self.pending);
                self.record(&line)?;
            }
            rest = &rest[i + 1..];
        }
        self.pending.extend_from_slice(rest);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn parse(json: &[u8]) -> io::Result<Value> {
    serde_json::from_slice(json).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// A field by name; `subject` and `description` are under `alertInfo` in a raw alert.
fn field<'v>(v: &'v Value, name: &str) -> &'v Value {
    match name {
        "subject" | "description" if v.get("alertInfo").is_some() => &v["alertInfo"][name],
        _ => &v[name],
    }
}

/// A value as a cell: strings as they are, null as empty, anything else as JSON.
pub fn cell(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ui() -> Ui {
        Ui {
            stdout_tty: false,
            stderr_tty: false,
            stdin_tty: false,
            color: false,
            err_color: false,
            width: None,
            no_input: true,
            verbose: 0,
            format: None,
        }
    }

    const A: &str = r#"{"alertId":1,"startTime":"2026-11-25T10:00:00.000Z","severity":"High","status":"Open","alertType":"NewUser","alertName":"one","alertInfo":{"subject":"s1","description":"d,1"}}"#;
    const B: &str = r#"{"alertId":2,"startTime":"2026-11-25T23:08:33.120Z","severity":"Low","status":"Closed","alertType":"NewUser","alertName":"","alertInfo":{"subject":"s2"}}"#;

    fn print(format: Format, reverse: bool, input: &str) -> String {
        let mut p = StreamPrinter::new(format, false, Vec::new(), &ui(), reverse);
        p.write_all(input.as_bytes()).unwrap();
        p.finish().unwrap();
        String::from_utf8(p.out).unwrap()
    }

    #[test]
    fn each_format_from_lines() {
        let input = format!("{A}\n{B}\n");
        assert_eq!(print(Format::Ndjson, false, &input), input);
        assert_eq!(
            print(Format::Json, false, &input),
            format!("[\n{A},\n{B}\n]\n")
        );
        assert_eq!(print(Format::Json, false, ""), "[]\n");
        assert_eq!(
            print(Format::Csv, false, &input),
            "alertId,startTime,endTime,severity,status,alertType,alertName,subject,description,policyId\n\
             1,2026-11-25T10:00:00.000Z,,High,Open,NewUser,one,s1,\"d,1\",\n\
             2,2026-11-25T23:08:33.120Z,,Low,Closed,NewUser,,s2,,\n"
        );
        assert_eq!(
            print(Format::Table, false, &input),
            "ID  Severity  Status  Type     Name  Start\n\
             2   Low       Closed  NewUser  s2    2026-11-25 23:08:33Z\n\
             1   High      Open    NewUser  one   2026-11-25 10:00:00Z\n"
        );
        assert!(print(Format::Table, true, &input)
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("1 "));
    }

    #[test]
    fn a_record_split_across_writes_is_one_record() {
        let mut p = StreamPrinter::new(Format::Json, false, Vec::new(), &ui(), false);
        let (x, y) = A.split_at(20);
        p.write_all(x.as_bytes()).unwrap();
        p.write_all(format!("{y}\n{B}").as_bytes()).unwrap();
        p.finish().unwrap();
        assert_eq!(
            String::from_utf8(p.out).unwrap(),
            format!("[\n{A},\n{B}\n]\n")
        );
    }
}
