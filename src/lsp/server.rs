//! The server's state and what it does with each message. No I/O: the loop in
//! [`super::serve`] feeds it messages and sends what it returns.

use std::collections::HashMap;

use lsp_server::{ErrorCode, Notification, Request, Response};
use lsp_types::notification::{
    DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument, DidOpenTextDocument,
    DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{CodeActionRequest, HoverRequest, Request as _};
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams,
    CodeActionProviderCapability, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, DidSaveTextDocumentParams, FileSystemWatcher, GlobPattern, Hover,
    HoverContents, HoverParams, HoverProviderCapability, MarkupContent, MarkupKind, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams, SaveOptions, ServerCapabilities,
    ShowMessageParams, TextDocumentSyncCapability, TextDocumentSyncKind, TextDocumentSyncOptions,
    TextDocumentSyncSaveOptions, Uri,
};
use serde::de::DeserializeOwned;

use super::actions::actions;
use super::diagnostics::{Linter, to_lsp};
use super::document::{Document, Language, file_path};
use super::hover;
use super::position::{Encoding, PositionMap};
use crate::config;

/// An open session: the documents and how the client wants positions.
#[derive(Debug)]
pub struct Server {
    linter: Linter,
    encoding: Encoding,
    /// The client renders Markdown in hovers.
    markdown_hover: bool,
    /// The client can watch files for the server (dynamic registration).
    watches_files: bool,
    documents: HashMap<Uri, Document>,
    /// Documents whose diagnostics are due, oldest change first.
    pending: Vec<Uri>,
}

impl Server {
    pub fn new(linter: Linter, client: &ClientCapabilities) -> Server {
        let offered = client
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_deref());
        let markdown_hover = client
            .text_document
            .as_ref()
            .and_then(|t| t.hover.as_ref())
            .and_then(|h| h.content_format.as_ref())
            .is_some_and(|f| f.contains(&MarkupKind::Markdown));
        let watches_files = client
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        Server {
            linter,
            encoding: Encoding::negotiate(offered),
            markdown_hover,
            watches_files,
            documents: HashMap::new(),
            pending: Vec::new(),
        }
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    pub fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(self.encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    will_save: None,
                    will_save_wait_until: None,
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                },
            )),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
                ..CodeActionOptions::default()
            })),
            ..ServerCapabilities::default()
        }
    }

    /// The request that asks the client to report changes to any
    /// `numcheck.toml` (`workspace/didChangeWatchedFiles`), when it can;
    /// sent once, after the handshake.
    pub fn watch_request(&self) -> Option<Request> {
        if !self.watches_files {
            return None;
        }
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{}", config::FILE_NAME)),
                kind: None,
            }],
        };
        let registration = Registration {
            id: "numcheck-config".to_string(),
            method: DidChangeWatchedFiles::METHOD.to_string(),
            register_options: serde_json::to_value(options).ok(),
        };
        Some(Request::new(
            lsp_server::RequestId::from("numcheck-watch-config".to_string()),
            "client/registerCapability".to_string(),
            RegistrationParams {
                registrations: vec![registration],
            },
        ))
    }

    /// A configuration file changed: read configurations again and check
    /// every open document again.
    fn configuration_changed(&mut self) {
        self.linter.forget();
        let uris: Vec<Uri> = self.documents.keys().cloned().collect();
        for uri in uris {
            if let Some(doc) = self.documents.get_mut(&uri) {
                doc.diagnostics = None;
            }
            self.due(uri);
        }
    }

    /// Takes in a notification. Document changes are applied at once; their
    /// diagnostics wait for [`Server::publish`], so a burst of edits is
    /// checked once, at its last version.
    pub fn notify(&mut self, n: Notification) {
        match n.method.as_str() {
            DidOpenTextDocument::METHOD => {
                let Some(p) = params::<DidOpenTextDocumentParams>(&n.method, n.params) else {
                    return;
                };
                let doc = p.text_document;
                let Some(language) = Language::detect(&doc.language_id, &doc.uri) else {
                    return;
                };
                self.documents.insert(
                    doc.uri.clone(),
                    Document::new(doc.text, doc.version, language),
                );
                self.due(doc.uri);
            }
            DidChangeTextDocument::METHOD => {
                let Some(p) = params::<DidChangeTextDocumentParams>(&n.method, n.params) else {
                    return;
                };
                let uri = p.text_document.uri;
                if let Some(doc) = self.documents.get_mut(&uri) {
                    doc.apply(p.content_changes, p.text_document.version, self.encoding);
                    self.due(uri);
                }
            }
            DidSaveTextDocument::METHOD => {
                let Some(p) = params::<DidSaveTextDocumentParams>(&n.method, n.params) else {
                    return;
                };
                if is_config(&p.text_document.uri) {
                    self.configuration_changed();
                } else if let Some(doc) = self.documents.get_mut(&p.text_document.uri) {
                    // Checked again, as after a change: a numcheck.toml that
                    // changed on disk meanwhile is read again.
                    doc.diagnostics = None;
                    self.due(p.text_document.uri);
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Some(p) = params::<DidChangeWatchedFilesParams>(&n.method, n.params) else {
                    return;
                };
                if p.changes.iter().any(|c| is_config(&c.uri)) {
                    self.configuration_changed();
                }
            }
            DidCloseTextDocument::METHOD => {
                let Some(p) = params::<DidCloseTextDocumentParams>(&n.method, n.params) else {
                    return;
                };
                // Publishing for a closed document clears its diagnostics.
                if self.documents.remove(&p.text_document.uri).is_some() {
                    self.due(p.text_document.uri);
                }
            }
            _ => {}
        }
    }

    fn due(&mut self, uri: Uri) {
        if !self.pending.contains(&uri) {
            self.pending.push(uri);
        }
    }

    /// Diagnostics for every document changed since the last call, each at
    /// its current version; then a message for each configuration problem
    /// met (shown once, the defaults used instead).
    pub fn publish(&mut self) -> Vec<Notification> {
        let mut out = Vec::new();
        for uri in std::mem::take(&mut self.pending) {
            let encoding = self.encoding;
            let params = match self.checked(&uri) {
                Some(doc) => {
                    let map = PositionMap::new(&doc.text, encoding);
                    let diagnostics = doc
                        .diagnostics
                        .iter()
                        .flatten()
                        .map(|d| to_lsp(&uri, &map, d))
                        .collect();
                    PublishDiagnosticsParams::new(uri, diagnostics, Some(doc.version))
                }
                None => PublishDiagnosticsParams::new(uri, Vec::new(), None),
            };
            out.push(Notification::new(
                PublishDiagnostics::METHOD.to_string(),
                params,
            ));
        }
        for message in self.linter.take_messages() {
            out.push(Notification::new(
                ShowMessage::METHOD.to_string(),
                ShowMessageParams {
                    typ: MessageType::ERROR,
                    message,
                },
            ));
        }
        out
    }

    /// The open document, its findings computed for its current version.
    fn checked(&mut self, uri: &Uri) -> Option<&Document> {
        let doc = self.documents.get_mut(uri)?;
        if doc.diagnostics.is_none() {
            let path = file_path(uri);
            doc.diagnostics = Some(self.linter.diagnose(
                path.as_deref(),
                &doc.text,
                doc.language.format(),
            ));
        }
        Some(doc)
    }

    /// Answers a request (other than `shutdown`, which the loop handles).
    pub fn request(&mut self, r: Request) -> Response {
        let result = match r.method.as_str() {
            HoverRequest::METHOD => match serde_json::from_value(r.params) {
                Ok(p) => serde_json::to_value(self.hover(p)),
                Err(e) => return invalid_params(r.id, e),
            },
            CodeActionRequest::METHOD => match serde_json::from_value(r.params) {
                Ok(p) => serde_json::to_value(self.code_actions(p)),
                Err(e) => return invalid_params(r.id, e),
            },
            _ => {
                return Response::new_err(
                    r.id,
                    ErrorCode::MethodNotFound as i32,
                    format!("numcheck does not handle {}", r.method),
                );
            }
        };
        match result {
            Ok(value) => Response::new_ok(r.id, value),
            Err(e) => Response::new_err(r.id, ErrorCode::InternalError as i32, e.to_string()),
        }
    }

    fn hover(&mut self, p: HoverParams) -> Option<Hover> {
        let at = p.text_document_position_params;
        let uri = at.text_document.uri;
        let doc = self.documents.get(&uri)?;
        let map = PositionMap::new(&doc.text, self.encoding);
        // The prose and date the checks read.
        let path = file_path(&uri);
        let reading = self
            .linter
            .read(path.as_deref(), &doc.text, doc.language.format());
        let quantities = hover::quantities(&reading.prose, reading.date);
        let q = hover::at(&quantities, map.offset(at.position))?;
        let kind = if self.markdown_hover {
            MarkupKind::Markdown
        } else {
            MarkupKind::PlainText
        };
        Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind,
                value: hover::describe(&doc.text, q, self.markdown_hover),
            }),
            range: Some(map.range(q.span)),
        })
    }

    fn code_actions(&mut self, p: CodeActionParams) -> Vec<CodeActionOrCommand> {
        let wants_quickfix = p.context.only.as_ref().is_none_or(|only| {
            only.iter()
                .any(|k| k == &CodeActionKind::QUICKFIX || k.as_str().is_empty())
        });
        let uri = p.text_document.uri;
        let encoding = self.encoding;
        if !wants_quickfix || self.checked(&uri).is_none() {
            return Vec::new();
        }
        let Some(doc) = self.documents.get(&uri) else {
            return Vec::new();
        };
        let map = PositionMap::new(&doc.text, encoding);
        let found = doc.diagnostics.as_deref().unwrap_or_default();
        let path = file_path(&uri);
        let prose = self
            .linter
            .read(path.as_deref(), &doc.text, doc.language.format())
            .prose;
        actions(
            &uri,
            &doc.text,
            &prose,
            doc.language,
            &map,
            found,
            map.span(p.range),
        )
        .into_iter()
        .map(CodeActionOrCommand::CodeAction)
        .collect()
    }
}

/// Whether `uri` names a configuration file.
fn is_config(uri: &Uri) -> bool {
    let path = uri.as_str();
    let path = path.split(['?', '#']).next().unwrap_or(path);
    path.rsplit('/').next() == Some(config::FILE_NAME)
}

/// A notification's parameters; malformed ones are reported on stderr (the
/// client's log) and ignored, as the protocol asks of notifications.
fn params<P: DeserializeOwned>(method: &str, value: serde_json::Value) -> Option<P> {
    match serde_json::from_value(value) {
        Ok(p) => Some(p),
        Err(e) => {
            eprintln!("numcheck lsp: ignoring {method}: {e}");
            None
        }
    }
}

fn invalid_params(id: lsp_server::RequestId, e: serde_json::Error) -> Response {
    Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string())
}
