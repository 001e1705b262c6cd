//! `numcheck lsp`: a language server over stdio. Diagnostics on open, change
//! and save for Markdown, HTML and plain text, as `numcheck check` reports
//! them for the same file (its `numcheck.toml`, its prose, its suppression
//! comments); hover shows how a quantity was read; code actions apply
//! suggested fixes or insert a suppression comment.
//!
//! Synchronous, like rust-analyzer and ruff: one thread reads messages and
//! handles them in order. After each message it takes every message already
//! waiting too, applies all their edits, and only then checks — so a burst of
//! edits is checked once, at its last version, and no stale diagnostics are
//! ever queued behind newer ones.

pub mod actions;
pub mod diagnostics;
pub mod document;
pub mod hover;
pub mod position;
pub mod server;
pub mod transport;

use lsp_server::{Connection, ErrorCode, Message, Response};
use lsp_types::InitializeParams;
use thiserror::Error;

pub use diagnostics::Linter;
pub use server::Server;

/// Why the server stopped other than by `shutdown` and `exit`.
#[derive(Debug, Error)]
pub enum LspError {
    #[error("cannot load the rules: {0}")]
    Rules(#[from] crate::Error),
    #[error("the client closed the connection")]
    Disconnected,
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// How the session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// `exit` after `shutdown`: exit status 0.
    Clean,
    /// `exit` without `shutdown`, or the input closed: exit status 1, as the
    /// protocol asks.
    Abrupt,
}

/// Serves a client on stdin/stdout until it exits.
pub fn run_stdio() -> Result<Ending, LspError> {
    // The transport queues what it reads without bound, so a whole burst of
    // edits is waiting when the loop looks; and it answers frames that are
    // not messages itself, so they never reach (or end) the session.
    let (sender, receiver, threads) = transport::stdio()?;
    let connection = Connection { sender, receiver };
    let ending = serve(&connection, Linter::new()?)?;
    drop(connection);
    threads.join()?;
    Ok(ending)
}

/// Runs a session on `connection`: the handshake, then messages until `exit`.
pub fn serve(connection: &Connection, linter: Linter) -> Result<Ending, LspError> {
    let send = |m: Message| {
        connection
            .sender
            .send(m)
            .map_err(|_| LspError::Disconnected)
    };
    // Before `initialize`, requests are refused and notifications dropped,
    // as the protocol asks; `exit` (or the input's end) ends the session.
    let (id, params) = loop {
        let Ok(message) = connection.receiver.recv() else {
            return Ok(Ending::Abrupt);
        };
        match message {
            Message::Request(r) if r.method == "initialize" => {
                match serde_json::from_value::<InitializeParams>(r.params) {
                    Ok(params) => break (r.id, params),
                    Err(e) => send(
                        Response::new_err(
                            r.id,
                            ErrorCode::InvalidParams as i32,
                            format!("invalid initialize parameters: {e}"),
                        )
                        .into(),
                    )?,
                }
            }
            Message::Request(r) => send(
                Response::new_err(
                    r.id,
                    ErrorCode::ServerNotInitialized as i32,
                    format!(
                        "the server is not initialized: send initialize before {}",
                        r.method
                    ),
                )
                .into(),
            )?,
            Message::Notification(n) if n.method == "exit" => return Ok(Ending::Abrupt),
            Message::Notification(_) | Message::Response(_) => {}
        }
    };
    let mut server = Server::new(linter, &params.capabilities);
    let result = serde_json::json!({
        "capabilities": server.capabilities(),
        "serverInfo": {"name": "numcheck", "version": env!("CARGO_PKG_VERSION")},
    });
    // `initialized`, which follows, needs nothing: the loop below ignores it.
    send(Response::new_ok(id, result).into())?;
    if let Some(watch) = server.watch_request() {
        // The client's answer is a response, which the loop below ignores.
        send(watch.into())?;
    }

    let mut shut_down = false;
    while let Ok(first) = connection.receiver.recv() {
        let batch = std::iter::once(first).chain(connection.receiver.try_iter());
        for message in batch.collect::<Vec<_>>() {
            match message {
                Message::Request(r) if shut_down => send(
                    Response::new_err(
                        r.id,
                        ErrorCode::InvalidRequest as i32,
                        "the server is shutting down".into(),
                    )
                    .into(),
                )?,
                Message::Request(r) if r.method == "shutdown" => {
                    shut_down = true;
                    send(Response::new_ok(r.id, ()).into())?;
                }
                Message::Request(r) => send(server.request(r).into())?,
                Message::Notification(n) if n.method == "exit" => {
                    return Ok(if shut_down {
                        Ending::Clean
                    } else {
                        Ending::Abrupt
                    });
                }
                Message::Notification(n) => server.notify(n),
                Message::Response(_) => {}
            }
        }
        for n in server.publish() {
            send(n.into())?;
        }
    }
    Ok(Ending::Abrupt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_server::{Notification, Request, RequestId};
    use lsp_types::{PublishDiagnosticsParams, Uri};
    use serde_json::json;
    use std::thread;

    fn notification(method: &str, params: serde_json::Value) -> Message {
        Notification::new(method.into(), params).into()
    }

    /// The handshake, then `messages`, all queued before the server reads any.
    fn queued(client: &Connection, messages: Vec<Message>) {
        let init = Request::new(
            RequestId::from(1),
            "initialize".into(),
            json!({"capabilities": {}}),
        );
        client.sender.send(init.into()).expect("queue");
        client
            .sender
            .send(notification("initialized", json!({})))
            .expect("queue");
        for m in messages {
            client.sender.send(m).expect("queue");
        }
    }

    fn publishes(client: &Connection, until_version: i32) -> Vec<PublishDiagnosticsParams> {
        let mut out = Vec::new();
        loop {
            let m = client
                .receiver
                .recv_timeout(std::time::Duration::from_secs(20))
                .expect("the server answers");
            if let Message::Notification(n) = m
                && n.method == "textDocument/publishDiagnostics"
            {
                let p: PublishDiagnosticsParams =
                    serde_json::from_value(n.params).expect("publish params");
                let done = p.version == Some(until_version);
                out.push(p);
                if done {
                    return out;
                }
            }
        }
    }

    #[test]
    fn a_queued_burst_of_edits_is_checked_once_at_its_last_version() {
        let (server_side, client) = Connection::memory();
        let uri = "file:///tmp/burst.txt";
        let mut messages = vec![notification(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 0,
                "text": "Talks ended on Friday, October 17, 2024."}}),
        )];
        for version in 1..=50 {
            // Versions alternate between a wrong and a right weekday; the
            // last (50) is right, so the final diagnostics are empty.
            let day = if version % 2 == 0 {
                "Thursday"
            } else {
                "Friday"
            };
            messages.push(notification(
                "textDocument/didChange",
                json!({"textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": format!("Talks ended on {day}, October 17, 2024.")}]}),
            ));
        }
        queued(&client, messages);
        let handle =
            thread::spawn(move || serve(&server_side, Linter::new().expect("built-in rules load")));
        let got = publishes(&client, 50);
        assert_eq!(got.len(), 1, "one check for the whole burst");
        let expected: Uri = uri.parse().expect("URI");
        assert_eq!(got[0].uri, expected);
        assert!(got[0].diagnostics.is_empty());

        let shutdown = Request::new(RequestId::from(2), "shutdown".into(), json!(null));
        client.sender.send(shutdown.into()).expect("send");
        client
            .sender
            .send(notification("exit", json!(null)))
            .expect("send");
        let ending = handle.join().expect("server thread").expect("clean run");
        assert_eq!(ending, Ending::Clean);
    }

    #[test]
    fn exit_without_shutdown_is_abrupt_and_closing_clears() {
        let (server_side, client) = Connection::memory();
        let uri = "file:///tmp/c.md";
        queued(
            &client,
            vec![notification(
                "textDocument/didOpen",
                json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 3,
                    "text": "Talks ended on Friday, October 17, 2024."}}),
            )],
        );
        let handle =
            thread::spawn(move || serve(&server_side, Linter::new().expect("built-in rules load")));
        let got = publishes(&client, 3);
        assert_eq!(got.last().map(|p| p.diagnostics.len()), Some(1));
        client
            .sender
            .send(notification(
                "textDocument/didClose",
                json!({"textDocument": {"uri": uri}}),
            ))
            .expect("send");
        let m = client
            .receiver
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("a publish");
        let Message::Notification(n) = m else {
            panic!("expected a notification, got {m:?}")
        };
        let p: PublishDiagnosticsParams = serde_json::from_value(n.params).expect("params");
        assert!(p.diagnostics.is_empty() && p.version.is_none());
        client
            .sender
            .send(notification("exit", json!(null)))
            .expect("send");
        let ending = handle.join().expect("server thread").expect("run");
        assert_eq!(ending, Ending::Abrupt);
    }
}
