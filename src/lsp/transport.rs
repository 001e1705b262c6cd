//! The stdio transport: `Content-Length` framed JSON-RPC messages.
//!
//! lsp-server's own stdio transport ends the session at the first frame it
//! cannot read. An editor (or a plugin speaking for it) that sends one bad
//! message should get an error back and a server that keeps working, so
//! frames are read here: a body that is not JSON is answered with a parse
//! error (-32700), JSON that is not a JSON-RPC message with an invalid
//! request error (-32600), and a garbled header block is answered with a
//! parse error and skipped up to the next `Content-Length` header. Only the
//! end of the input ends the session.

use std::io::{self, BufRead, Read, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, select};
use lsp_server::{ErrorCode, Message};
use serde_json::{Value as Json, json};

/// What one frame of input holds.
#[derive(Debug)]
pub enum Frame {
    /// A JSON-RPC message.
    Message(Message),
    /// Something that is not one: the error response to send back.
    Invalid(Json),
}

const CONTENT_LENGTH: &[u8] = b"content-length:";

/// Reads frames from a byte stream.
pub struct FrameReader<R> {
    input: R,
    /// The last header block was garbled: the next frame starts at the next
    /// `Content-Length` header.
    resync: bool,
}

impl<R: BufRead> FrameReader<R> {
    pub fn new(input: R) -> Self {
        FrameReader {
            input,
            resync: false,
        }
    }

    /// The next frame; `None` at the end of the input (or in the middle of
    /// a frame, which the input can no longer complete).
    pub fn next_frame(&mut self) -> io::Result<Option<Frame>> {
        let r = &mut self.input;
        let mut first_line = None;
        if std::mem::take(&mut self.resync) {
            // Skipped only now, so the error for the garbled block is sent
            // without waiting for more input.
            match skip_to_content_length(r)? {
                Some(line) => first_line = Some(line),
                None => return Ok(None),
            }
        }
        let length = match read_headers(r, first_line)? {
            None => return Ok(None),
            Some(Ok(length)) => length,
            Some(Err(problem)) => {
                // The body's length is unknown: answer for the bad block and
                // skip to the next header block.
                eprintln!("numcheck lsp: skipping a frame: {problem}");
                self.resync = true;
                let message = format!("Parse error: {problem}");
                return Ok(Some(Frame::Invalid(error_response(
                    Json::Null,
                    ErrorCode::ParseError,
                    &message,
                ))));
            }
        };
        let mut body = Vec::new();
        let want = u64::try_from(length).unwrap_or(u64::MAX);
        r.by_ref().take(want).read_to_end(&mut body)?;
        if body.len() != length {
            return Ok(None);
        }
        Ok(Some(decode(&body)))
    }
}

/// A frame's body as a message, or the error response it deserves.
fn decode(body: &[u8]) -> Frame {
    let value: Json = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            let message = format!("Parse error: the message is not JSON ({e})");
            return Frame::Invalid(error_response(Json::Null, ErrorCode::ParseError, &message));
        }
    };
    // The id of something meant as a request, when it is a usable id, so
    // the client's pending request gets its answer.
    let id = match value.get("id") {
        Some(id @ (Json::Number(_) | Json::String(_))) if value.get("method").is_some() => {
            id.clone()
        }
        _ => Json::Null,
    };
    match serde_json::from_value::<Message>(value) {
        Ok(m) => Frame::Message(m),
        Err(_) => Frame::Invalid(error_response(
            id,
            ErrorCode::InvalidRequest,
            "Invalid Request: not a JSON-RPC request, response or notification",
        )),
    }
}

fn error_response(id: Json, code: ErrorCode, message: &str) -> Json {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code as i32, "message": message}})
}

/// One header block: the body's length, or what is wrong with the block;
/// `None` at the end of the input. `first_line` is a header line already
/// read.
fn read_headers(
    r: &mut impl BufRead,
    first_line: Option<Vec<u8>>,
) -> io::Result<Option<Result<usize, String>>> {
    let mut length = None;
    let mut problem = None;
    let mut seen = false;
    let mut pending = first_line;
    loop {
        let line = match pending.take() {
            Some(line) => line,
            None => {
                let mut line = Vec::new();
                if r.read_until(b'\n', &mut line)? == 0 || !line.ends_with(b"\n") {
                    return Ok(None);
                }
                line
            }
        };
        let line = line.strip_suffix(b"\n").unwrap_or(&line);
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            if !seen {
                continue; // blank lines between frames
            }
            break;
        }
        seen = true;
        if problem.is_some() {
            continue;
        }
        match header(line) {
            Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                match value.parse::<usize>() {
                    Ok(n) => length = Some(n),
                    Err(_) => problem = Some(format!("invalid Content-Length {value:?}")),
                }
            }
            Some(_) => {}
            None => {
                let shown = String::from_utf8_lossy(line);
                let shown: String = shown.chars().take(60).collect();
                problem = Some(format!("malformed header {shown:?}"));
            }
        }
    }
    Ok(Some(match (problem, length) {
        (Some(p), _) => Err(p),
        (None, Some(n)) => Ok(n),
        (None, None) => Err("a header block without Content-Length".to_string()),
    }))
}

/// `Name: value` with a name of letters, digits and dashes.
fn header(line: &[u8]) -> Option<(&str, &str)> {
    let line = std::str::from_utf8(line).ok()?;
    let (name, value) = line.split_once(':')?;
    let token = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    token.then(|| (name, value.trim()))
}

/// Skips input up to the next `Content-Length:` (any case); returns that
/// header's whole line, or `None` at the end of the input.
fn skip_to_content_length(r: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut matched = 0;
    loop {
        let buffer = r.fill_buf()?;
        if buffer.is_empty() {
            return Ok(None);
        }
        let mut used = 0;
        let mut found = false;
        for &b in buffer {
            used += 1;
            if b.eq_ignore_ascii_case(&CONTENT_LENGTH[matched]) {
                matched += 1;
            } else {
                matched = usize::from(b.eq_ignore_ascii_case(&CONTENT_LENGTH[0]));
            }
            if matched == CONTENT_LENGTH.len() {
                found = true;
                break;
            }
        }
        r.consume(used);
        if found {
            let mut line = CONTENT_LENGTH.to_vec();
            if r.read_until(b'\n', &mut line)? == 0 || !line.ends_with(b"\n") {
                return Ok(None);
            }
            return Ok(Some(line));
        }
    }
}

/// Writes one framed JSON text and flushes it.
fn write_frame(w: &mut impl Write, text: &str) -> io::Result<()> {
    write!(w, "Content-Length: {}\r\n\r\n{text}", text.len())?;
    w.flush()
}

/// The threads that move frames between stdio and channels.
pub struct Stdio {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<io::Result<()>>,
}

impl Stdio {
    /// Waits until everything sent has been written (the sender handed to
    /// the session must be dropped first). The reader is not waited for: it
    /// may be blocked on input that never ends.
    pub fn join(self) -> io::Result<()> {
        drop(self.reader);
        self.writer
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the writer thread panicked")))
    }
}

/// Starts reading stdin and writing stdout. The receiver gets every message
/// read (an unbounded queue, so a burst of edits is all there when the
/// server looks); messages sent on the sender are written in order.
pub fn stdio() -> io::Result<(Sender<Message>, Receiver<Message>, Stdio)> {
    let (incoming_tx, incoming) = crossbeam_channel::unbounded();
    let (outgoing, outgoing_rx) = crossbeam_channel::unbounded::<Message>();
    let (errors_tx, errors_rx) = crossbeam_channel::unbounded::<Json>();
    let reader = thread::Builder::new()
        .name("numcheck-lsp-reader".into())
        .spawn(move || read_loop(io::stdin().lock(), &incoming_tx, &errors_tx))?;
    let writer = thread::Builder::new()
        .name("numcheck-lsp-writer".into())
        .spawn(move || write_loop(&mut io::stdout().lock(), &outgoing_rx, &errors_rx))?;
    Ok((outgoing, incoming, Stdio { reader, writer }))
}

/// Frames from `input` until its end (or `exit`): messages to `messages`,
/// error responses to `errors`.
pub fn read_loop(input: impl BufRead, messages: &Sender<Message>, errors: &Sender<Json>) {
    let mut frames = FrameReader::new(input);
    loop {
        match frames.next_frame() {
            Ok(Some(Frame::Message(m))) => {
                let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                if messages.send(m).is_err() || exit {
                    return;
                }
            }
            Ok(Some(Frame::Invalid(response))) => {
                if errors.send(response).is_err() {
                    return;
                }
            }
            Ok(None) => return,
            Err(e) => {
                eprintln!("numcheck lsp: cannot read the input: {e}");
                return;
            }
        }
    }
}

/// Writes messages and error responses as they come, until the session
/// drops its sender.
fn write_loop(
    out: &mut impl Write,
    messages: &Receiver<Message>,
    errors: &Receiver<Json>,
) -> io::Result<()> {
    let mut errors_open = true;
    loop {
        if errors_open {
            select! {
                recv(messages) -> m => match m {
                    Ok(m) => m.write(out)?,
                    Err(_) => break,
                },
                recv(errors) -> e => match e {
                    Ok(e) => write_frame(out, &e.to_string())?,
                    Err(_) => errors_open = false,
                },
            }
        } else {
            match messages.recv() {
                Ok(m) => m.write(out)?,
                Err(_) => break,
            }
        }
    }
    for e in errors.try_iter() {
        write_frame(out, &e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &str) -> Vec<Json> {
        let mut r = FrameReader::new(input.as_bytes());
        let mut out = Vec::new();
        while let Some(f) = r.next_frame().expect("reads from memory") {
            out.push(match f {
                Frame::Message(m) => serde_json::to_value(m).expect("serializes"),
                Frame::Invalid(e) => e,
            });
        }
        out
    }

    fn framed(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    const GOOD: &str = r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    fn is_good(v: &Json) -> bool {
        v["method"] == "initialized"
    }

    fn code(v: &Json) -> &Json {
        &v["error"]["code"]
    }

    #[test]
    fn bad_bodies_get_errors_and_reading_goes_on() {
        let input = [
            framed("{not json}"),
            framed("[]"),
            framed(r#"{"jsonrpc":"2.0","method":null}"#),
            framed(r#"{"jsonrpc":"2.0","id":7,"method":3}"#),
            framed(GOOD),
        ]
        .concat();
        let got = frames(&input);
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(code(&got[0]), -32700);
        assert_eq!(got[0]["id"], Json::Null);
        assert_eq!(code(&got[1]), -32600);
        assert_eq!(code(&got[2]), -32600);
        assert_eq!(got[2]["id"], Json::Null);
        assert_eq!(got[3]["id"], 7, "a usable id is answered");
        assert!(is_good(&got[4]));
    }

    #[test]
    fn a_garbled_header_block_is_skipped_to_the_next() {
        for garbled in [
            "Content-Type: x\r\n\r\n{\"a\":1}",
            "Content-Length: ten\r\n\r\n{\"a\":1}",
            "garbage without a colon\r\n\r\n{\"a\":1}",
        ] {
            let input = format!("{garbled}{}", framed(GOOD));
            let got = frames(&input);
            assert_eq!(got.len(), 2, "{garbled:?}: {got:?}");
            assert_eq!(code(&got[0]), -32700);
            assert!(is_good(&got[1]), "{got:?}");
        }
        // Headers in any case, bare \n, blank lines between frames.
        let body = GOOD;
        let input = format!(
            "\r\ncontent-length: {}\ncontent-type: a\n\n{body}",
            body.len()
        );
        assert!(frames(&input).iter().all(is_good));
        // Nothing to resynchronise on: one error, then the end.
        let got = frames("nonsense\r\n\r\n{}");
        assert_eq!(got.len(), 1);
        assert_eq!(code(&got[0]), -32700);
    }

    #[test]
    fn the_input_ending_mid_frame_ends_reading() {
        assert!(frames("Content-Length: 100\r\n\r\n{\"a\"").is_empty());
        assert!(frames("Content-Length: 99999999999999\r\n\r\n").is_empty());
        assert!(frames("Content-Length: 3\r\n").is_empty());
        assert!(frames("").is_empty());
    }
}
