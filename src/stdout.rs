//! Standard output in whole records, whatever the reader does.
//!
//! A pipe whose reader has stalled fills up, and a blocking write then sits with part of a
//! record in the pipe; a signal ending the process there leaves that record torn, and the
//! closing bytes a JSON document owes would land inside it. So on a pipe, lwctl writes only
//! what the pipe has room for, cut at a record's end: it asks the kernel how much is unread
//! (`FIONREAD`) against the pipe's size, keeps a page spare for the closing bytes, and waits
//! for room otherwise. Whatever was written then ends at a whole record, and the signal path
//! ([`close_and_exit`]) can always add what the document owes.
//!
//! Every `write` call is one or more whole records: with [`Framing::Lines`] any newline ends
//! one (NDJSON, CSV, a table), with [`Framing::Writes`] only the end of a call does (a JSON
//! array's `,\n{...}` elements).

use std::io::{self, Write};
use std::sync::Mutex;

/// Where records end in what is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    Lines,
    Writes,
}

/// Held while bytes are being written to fd 1, so the signal path never writes in between.
static WRITING: Mutex<()> = Mutex::new(());

/// Buffered records are sent once this many bytes wait.
const SEND_AT: usize = 128 << 10;

/// A page of the pipe: the unit the kernel fills.
const PAGE: usize = 4096;

pub struct Stdout {
    buf: Vec<u8>,
    /// With [`Framing::Writes`]: where each record in `buf` ends.
    ends: Vec<usize>,
    framing: Framing,
    pipe: Option<Pipe>,
}

impl Stdout {
    pub fn new(framing: Framing) -> Stdout {
        Stdout {
            buf: Vec::with_capacity(SEND_AT + (16 << 10)),
            ends: Vec::new(),
            framing,
            pipe: Pipe::of_stdout(),
        }
    }

    /// Sends what is buffered, cut at record ends to what the pipe has room for.
    fn send(&mut self) -> io::Result<()> {
        let mut sent = 0;
        while sent < self.buf.len() {
            let end = match &mut self.pipe {
                None => self.buf.len(),
                Some(pipe) => {
                    let room = pipe.room()?;
                    match cut(&self.buf, &self.ends, self.framing, sent, room) {
                        Some(end) => end,
                        // Not even one record fits, and never will: write it as it is.
                        None if room >= pipe.most() => {
                            next_end(&self.buf, &self.ends, self.framing, sent)
                        }
                        None => {
                            pipe.wait()?;
                            continue;
                        }
                    }
                }
            };
            write_fd1(&self.buf[sent..end])?;
            if let Some(pipe) = &mut self.pipe {
                pipe.writes += 1;
            }
            sent = end;
        }
        self.buf.clear();
        self.ends.clear();
        Ok(())
    }
}

impl Write for Stdout {
    fn write(&mut self, b: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(b);
        if self.framing == Framing::Writes {
            self.ends.push(self.buf.len());
        }
        if self.buf.len() >= SEND_AT {
            self.send()?;
        }
        Ok(b.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()
    }
}

impl Drop for Stdout {
    fn drop(&mut self) {
        let _ = self.send();
    }
}

/// The end of the longest run of whole records from `from` that fits in `room` bytes.
fn cut(buf: &[u8], ends: &[usize], framing: Framing, from: usize, room: usize) -> Option<usize> {
    let limit = from.saturating_add(room).min(buf.len());
    if limit == buf.len() {
        return Some(limit).filter(|&e| e > from);
    }
    match framing {
        Framing::Lines => memchr::memrchr(b'\n', &buf[from..limit]).map(|i| from + i + 1),
        Framing::Writes => ends
            .iter()
            .rev()
            .find(|&&e| e > from && e <= limit)
            .copied(),
    }
}

/// The end of the first record from `from`.
fn next_end(buf: &[u8], ends: &[usize], framing: Framing, from: usize) -> usize {
    match framing {
        Framing::Lines => memchr::memchr(b'\n', &buf[from..]).map_or(buf.len(), |i| from + i + 1),
        Framing::Writes => ends
            .iter()
            .find(|&&e| e > from)
            .copied()
            .unwrap_or(buf.len()),
    }
}

/// Writes all of `bytes` to fd 1, holding [`WRITING`].
fn write_fd1(bytes: &[u8]) -> io::Result<()> {
    let _held = WRITING.lock().unwrap_or_else(|e| e.into_inner());
    let mut out = fd1();
    let r = out.write_all(bytes);
    std::mem::forget(out);
    r
}

#[cfg(unix)]
fn fd1() -> std::fs::File {
    use std::os::fd::FromRawFd;
    // SAFETY: fd 1 is open for the life of the process; callers forget the File, never close it.
    unsafe { std::fs::File::from_raw_fd(1) }
}

/// On a signal's grace running out: writes what the document owes (a JSON array's close)
/// unless a write is under way that cannot finish, and ends the process. Records already
/// written are whole, so the closing bytes land after one.
pub fn close_and_exit(owed: &[u8], code: i32) -> ! {
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
    loop {
        match WRITING.try_lock() {
            Ok(_held) => {
                if !owed.is_empty() {
                    let mut out = fd1();
                    let _ = out.write_all(owed);
                    std::mem::forget(out);
                }
                std::process::exit(code);
            }
            // A write blocked past the grace: adding bytes would tear it.
            Err(_) if std::time::Instant::now() >= deadline => std::process::exit(code),
            Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
        }
    }
}

/// Standard output when it is a pipe (Linux), with what is needed to tell its free room.
struct Pipe {
    size: usize,
    /// Writes since the pipe was last seen empty: each may leave a page part-filled.
    writes: usize,
}

impl Pipe {
    #[cfg(target_os = "linux")]
    fn of_stdout() -> Option<Pipe> {
        // SAFETY: fstat and fcntl on fd 1 only read and set its pipe's size.
        unsafe {
            let mut st: libc::stat = std::mem::zeroed();
            if libc::fstat(1, &mut st) != 0 || st.st_mode & libc::S_IFMT != libc::S_IFIFO {
                return None;
            }
            // A roomier pipe (the unprivileged maximum by default) means fewer waits.
            libc::fcntl(1, libc::F_SETPIPE_SZ, 1 << 20);
            let size = libc::fcntl(1, libc::F_GETPIPE_SZ);
            (size > 0).then_some(Pipe {
                size: size as usize,
                writes: 0,
            })
        }
    }

    #[cfg(not(target_os = "linux"))]
    fn of_stdout() -> Option<Pipe> {
        None
    }

    /// Bytes that can be written now without blocking, a page kept spare.
    #[cfg(target_os = "linux")]
    fn room(&mut self) -> io::Result<usize> {
        let mut unread: libc::c_int = 0;
        // SAFETY: FIONREAD writes one int.
        if unsafe { libc::ioctl(1, libc::FIONREAD, &mut unread) } != 0 {
            return Ok(usize::MAX);
        }
        let unread = unread.max(0) as usize;
        if unread == 0 {
            self.writes = 0;
        }
        let used = unread.div_ceil(PAGE) + 1 + self.writes;
        let free = (self.size / PAGE).saturating_sub(used);
        Ok(free.saturating_sub(1) * PAGE)
    }

    #[cfg(not(target_os = "linux"))]
    fn room(&mut self) -> io::Result<usize> {
        Ok(usize::MAX)
    }

    /// The most [`Pipe::room`] can ever say: an empty pipe.
    fn most(&self) -> usize {
        (self.size / PAGE).saturating_sub(2) * PAGE
    }

    /// Waits a little for the reader to make room.
    fn wait(&self) -> io::Result<()> {
        #[cfg(unix)]
        {
            let mut fd = libc::pollfd {
                fd: 1,
                events: libc::POLLOUT,
                revents: 0,
            };
            // SAFETY: one pollfd, a bounded wait.
            unsafe { libc::poll(&mut fd, 1, 50) };
            if fd.revents & (libc::POLLERR | libc::POLLHUP) != 0 {
                return Err(io::ErrorKind::BrokenPipe.into());
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_fall_at_record_ends() {
        let buf = b"aaa\nbbbb\ncc\n";
        assert_eq!(cut(buf, &[], Framing::Lines, 0, 100), Some(12));
        assert_eq!(cut(buf, &[], Framing::Lines, 0, 9), Some(9));
        assert_eq!(cut(buf, &[], Framing::Lines, 0, 8), Some(4));
        assert_eq!(cut(buf, &[], Framing::Lines, 0, 3), None);
        assert_eq!(cut(buf, &[], Framing::Lines, 4, 5), Some(9));
        assert_eq!(next_end(buf, &[], Framing::Lines, 4), 9);
        // A JSON array's elements hold newlines that are not record ends.
        let json = b"[\n{1},\n{2},\n{3}";
        let ends = [4, 9, 14];
        assert_eq!(cut(json, &ends, Framing::Writes, 0, 6), Some(4));
        assert_eq!(cut(json, &ends, Framing::Writes, 0, 10), Some(9));
        assert_eq!(cut(json, &ends, Framing::Writes, 0, 2), None);
        assert_eq!(next_end(json, &ends, Framing::Writes, 4), 9);
    }
}
